import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../src/dynamodb/start-dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the DynamoDB Local every test file of the run shares (`useDynamoDbLocal`). */
    customsDynamoDbEndpoint: string;
  }
}

/**
 * Vitest global setup: one DynamoDB Local for the whole run instead of one Java process per test
 * file. `useDynamoDbLocal` gives each file a table of its own in it and drops it after the file.
 */
export default async function startSharedDynamoDbLocal(project: TestProject) {
  // A busy machine can take long to start a JVM: wait as long as a hook may.
  const local = await startDynamoDbLocal({ startTimeoutMs: 90_000 });
  project.provide('customsDynamoDbEndpoint', local.endpoint);
  return async function stopSharedDynamoDbLocal() {
    await local.stop();
  };
}
