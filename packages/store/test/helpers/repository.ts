import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll } from 'vitest';
import { localDynamoClient } from '../../../local/src/dynamodb/index.js';
import type { DynamoDbLocalContext } from '../../../local/src/dynamodb/testing.js';
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
