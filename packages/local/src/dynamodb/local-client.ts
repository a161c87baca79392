import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/** Attempts per request (first try included) before a throttled or dropped call fails. */
const MAX_ATTEMPTS = 5;

/**
 * A DynamoDB client for DynamoDB Local: a fixed region and dummy credentials (DynamoDB Local
 * checks neither when it runs with `-sharedDb`), and the SDK's retry strategy for dropped connections.
 * `config` overrides any of it (e.g. `maxAttempts`).
 * @example
 * const client = localDynamoClient('http://127.0.0.1:8000');
 * await client.send(new ListTablesCommand({}));
 */
export function localDynamoClient(endpoint: string, config: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: MAX_ATTEMPTS,
    ...config,
  });
}
