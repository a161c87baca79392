import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createFindingsTable } from '@customs/store';
import { afterAll, beforeAll, inject } from 'vitest';
import { localDynamoClient } from './local-client.js';
import { type DynamoDbLocal, startDynamoDbLocal } from './start-dynamodb-local.js';

export { localDynamoClient };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the DynamoDB Local the test run shares (test/setup/dynamodb-local.ts), if any. */
    dynamoDbLocalEndpoint?: string;
  }
}

export interface DynamoDbLocalContext {
  /** The endpoint of the running DynamoDB Local. */
  readonly endpoint: string;
  /** A client for it (closed after the file's tests). */
  readonly client: DynamoDBClient;
  /** A findings table created for this test file only. */
  readonly tableName: string;
}

/**
 * Gives the test file a findings table of its own, with a unique name, in DynamoDB Local: the one
 * the test run shares (started once by vitest's global setup, `global-setup.ts` here, and
 * provided as `dynamoDbLocalEndpoint`), else one started for the file (`beforeAll`) and stopped in
 * `afterAll`. Files never see each other's data: each has its own table. Read the context's fields
 * inside hooks and tests only.
 * @example
 * const dynamo = useDynamoDbLocal();
 * it('stores', async () => {
 *   const repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
 * });
 */
export function useDynamoDbLocal(): DynamoDbLocalContext {
  const tableName = `findings-${randomUUID()}`;
  let running: { endpoint: string; local?: DynamoDbLocal; client: DynamoDBClient } | undefined;

  beforeAll(async function openLocalDynamo() {
    const shared = inject('dynamoDbLocalEndpoint');
    const local = shared === undefined ? await startDynamoDbLocal() : undefined;
    const endpoint = shared ?? (local as DynamoDbLocal).endpoint;
    const client = localDynamoClient(endpoint);
    running = { endpoint, local, client };
    await createFindingsTable(client, tableName);
  });

  afterAll(async function closeLocalDynamo() {
    running?.client.destroy();
    await running?.local?.stop();
    running = undefined;
  });

  const current = () => {
    if (!running)
      throw new Error('useDynamoDbLocal: DynamoDB Local is only running inside the tests of the file');
    return running;
  };
  return {
    get endpoint() {
      return current().endpoint;
    },
    get client() {
      return current().client;
    },
    tableName,
  };
}
