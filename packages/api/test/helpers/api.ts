import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDbLocalContext } from '@customs/local/testing';
import { localDynamoClient } from '@customs/local/testing';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import { afterAll } from 'vitest';
import { recordCommands } from '../../../store/test/helpers/repository.js';
import { type ApiDependencies, type ApiHandler, createApiHandler } from '../../src/index.js';
import { type EventOptions, httpEvent } from './http-event.js';

const clients: DynamoDBClient[] = [];
afterAll(() => {
  for (const client of clients.splice(0)) client.destroy();
});

/** The time the API tests run at (the findings helpers evaluate around 2026-11-20). */
export const NOW = new Date('2026-11-21T12:00:00.000Z');

/** A parsed answer: status, headers and JSON body. */
export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  json: Record<string, unknown>;
}

/** The API handler on the file's table, with a log of every DynamoDB command it sent. */
export function apiOn(dynamo: DynamoDbLocalContext, overrides: Partial<ApiDependencies> = {}) {
  const client = localDynamoClient(dynamo.endpoint);
  clients.push(client);
  const log = recordCommands(client);
  const clock = { now: NOW };
  const options = { client, tableName: dynamo.tableName, clock: () => clock.now };
  const dependencies: ApiDependencies = {
    findings: new FindingsRepository(options),
    suppressions: new SuppressionsRepository(options),
    cursorKey: randomBytes(32),
    maxSuppressionDays: 90,
    clock: () => clock.now,
    startSweep: async () => ({ status: 'started', startedAt: clock.now.toISOString(), id: 'sweep-1' }),
    ...overrides,
  };
  const handler = createApiHandler(dependencies);
  const call = (method: string, path: string, event: EventOptions = {}) =>
    invoke(handler, method, path, event);
  return { handler, call, log, clock, dependencies };
}

/** Sends one request through a handler and parses the JSON answer. */
export async function invoke(
  handler: ApiHandler,
  method: string,
  path: string,
  options: EventOptions = {},
): Promise<Answer> {
  const result = await handler(httpEvent(method, path, options));
  return {
    status: result.statusCode ?? 0,
    headers: result.headers ?? {},
    json: JSON.parse(result.body ?? 'null') as Record<string, unknown>,
  };
}
