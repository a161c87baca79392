import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createFindingsTable } from '@customs/store';
import { afterAll, beforeAll } from 'vitest';
import { localDynamoClient } from './local-client.js';

export { copySnapshotAs } from '../testing/snapshot-copy.js';
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
 * Starts one DynamoDB Local for the test file (`beforeAll`), creates a findings table with a unique
 * name in it, and stops it in `afterAll`. Read the context's fields inside hooks and tests only.
 * @example
 * const dynamo = useDynamoDbLocal();
 * it('stores', async () => {
 *   const repository = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
 * });
 */
export function useDynamoDbLocal(): DynamoDbLocalContext {
  const tableName = `findings-${randomUUID()}`;
  let running: { local: DynamoDbLocal; client: DynamoDBClient } | undefined;

  beforeAll(async function startLocalDynamo() {
    const local = await startDynamoDbLocal();
    const client = localDynamoClient(local.endpoint);
    running = { local, client };
    await createFindingsTable(client, tableName);
  });

  afterAll(async function stopLocalDynamo() {
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
