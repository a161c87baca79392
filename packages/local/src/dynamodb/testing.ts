import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createFindingsTable } from '@customs/store';
import { afterAll, beforeAll, inject } from 'vitest';
import { localDynamoClient } from './local-client.js';

export { localDynamoClient };

import { type DynamoDbLocal, startDynamoDbLocal } from './start-dynamodb-local.js';

export interface DynamoDbLocalContext {
  /** The endpoint of the running DynamoDB Local. */
  readonly endpoint: string;
  /** A client for it (closed after the file's tests). */
  readonly client: DynamoDBClient;
  /** A findings table created for this test file only. */
  readonly tableName: string;
}

/**
 * A findings table with a unique name for the test file (`beforeAll`), dropped in `afterAll`, in the
 * run's shared DynamoDB Local (the root vitest config's global setup provides its endpoint), or in
 * one started for the file when there is none (a config without the setup). Read the context's
 * fields inside hooks and tests only.
 * @example
 * const dynamo = useDynamoDbLocal();
 * it('stores', async () => {
 *   const repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
 * });
 */
export function useDynamoDbLocal(): DynamoDbLocalContext {
  const tableName = `findings-${randomUUID()}`;
  let running: { local: Pick<DynamoDbLocal, 'endpoint' | 'stop'>; client: DynamoDBClient } | undefined;

  beforeAll(async function startLocalDynamo() {
    const shared = inject('customsDynamoDbEndpoint') as string | undefined;
    const local = shared ? { endpoint: shared, stop: async () => {} } : await startDynamoDbLocal();
    const client = localDynamoClient(local.endpoint);
    running = { local, client };
    await createFindingsTable(client, tableName);
  });

  afterAll(async function stopLocalDynamo() {
    await running?.client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
    running?.client.destroy();
    await running?.local.stop();
    running = undefined;
  });

  const current = () => {
    if (!running)
      throw new Error('useDynamoDbLocal: DynamoDB Local is only running inside the tests of the file');
    return running;
  };
  return {
    get endpoint() {
      return current().local.endpoint;
    },
    get client() {
      return current().client;
    },
    tableName,
  };
}
