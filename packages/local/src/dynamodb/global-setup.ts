import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from './start-dynamodb-local.js';

/**
 * vitest's global setup (vitest.config.ts): one DynamoDB Local for the whole run instead of one
 * Java process per test file — the machine's two cores spent a JVM start-up on each of 27 files.
 * Each file still gets a table of its own (`useDynamoDbLocal` in `@customs/local/testing`, which
 * reads the endpoint provided here); tests of DynamoDB Local itself start their own.
 * @example // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['packages/local/src/dynamodb/global-setup.ts'] } });
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoDbLocal();
  project.provide('dynamoDbLocalEndpoint', local.endpoint);
  return async function stopSharedDynamoDbLocal() {
    await local.stop();
  };
}
