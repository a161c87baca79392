import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/**
 * Attempts per DynamoDB call (the first included) under the SDK's standard retry strategy, which
 * retries throttling (ProvisionedThroughputExceeded, ThrottlingException, RequestLimitExceeded) and
 * dropped connections (ECONNRESET, ECONNREFUSED, EPIPE, ETIMEDOUT) with exponential backoff and jitter.
 */
export const STORE_MAX_ATTEMPTS = 6;

/**
 * A DynamoDB client configured for the findings store: the standard retry strategy with
 * `STORE_MAX_ATTEMPTS` attempts; a call that still fails is thrown to the caller.
 * @example const repository = new FindingsRepository({ client: createStoreClient(), tableName });
 */
export function createStoreClient(config: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ retryMode: 'standard', maxAttempts: STORE_MAX_ATTEMPTS, ...config });
}
