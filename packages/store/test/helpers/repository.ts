import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDbLocalContext } from '@customs/local/testing';
import { localDynamoClient } from '@customs/local/testing';
import { afterAll } from 'vitest';
import { FindingsRepository, type FindingsRepositoryOptions } from '../../src/index.js';

/** A DynamoDB command as sent: its name and input. */
export interface SentCommand {
  name: string;
  input: Record<string, unknown>;
}

const WRITE_COMMANDS = /^(Put|Update|Delete|TransactWrite|BatchWrite)/;

/** Records every command sent through `client` (once per call, before retries). */
export function recordCommands(client: DynamoDBClient) {
  const sent: SentCommand[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ name: String(context.commandName), input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return {
    sent,
    names: () => sent.map((command) => command.name),
    writes: () => sent.filter((command) => WRITE_COMMANDS.test(command.name)),
    clear: () => {
      sent.length = 0;
    },
  };
}

/** A write command as DynamoDB Local answered it: its name and the write units it consumed. */
export interface ConsumedWrite {
  name: string;
  input: Record<string, unknown>;
  units: number;
}

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

/**
 * Asks DynamoDB for the consumed capacity of every write sent through `client`
 * (`ReturnConsumedCapacity: TOTAL`) and records it per command, as DynamoDB Local reports it.
 */
export function recordWriteUnits(client: DynamoDBClient) {
  const writes: ConsumedWrite[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      if (!WRITE_COMMANDS.test(name)) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity;
      const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
      writes.push({ name, input, units: list.reduce((sum, each) => sum + (each.CapacityUnits ?? 0), 0) });
      return result;
    },
    { step: 'initialize', name: 'recordWriteUnits' },
  );
  return {
    writes,
    units: () => writes.reduce((sum, write) => sum + write.units, 0),
    clear: () => {
      writes.length = 0;
    },
  };
}

const clients: DynamoDBClient[] = [];
afterAll(() => {
  for (const client of clients.splice(0)) client.destroy();
});

/** A repository on the file's table with its own client and a log of what that client sent. */
export function repositoryOn(
  dynamo: DynamoDbLocalContext,
  options: Partial<FindingsRepositoryOptions> = {},
  client: DynamoDBClient = localDynamoClient(dynamo.endpoint),
) {
  clients.push(client);
  const log = recordCommands(client);
  const repository = new FindingsRepository({ client, tableName: dynamo.tableName, ...options });
  return { repository, log, client };
}

/**
 * Holds the first `commandName` sent through `client` until `release()`: `arrived` resolves when it
 * is held, so a test can let another writer run in between, in a chosen interleaving.
 */
export function holdFirst(client: DynamoDBClient, commandName: string) {
  let arrive = () => {};
  let release = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!held && context.commandName === commandName) {
        held = true;
        arrive();
        await released;
      }
      return next(args);
    },
    { step: 'initialize', name: `holdFirst${commandName}` },
  );
  return { arrived, release };
}
