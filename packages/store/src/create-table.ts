import {
  CreateTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { FINDINGS_TABLE, findingsCreateTableInput } from './table-definition.js';

/**
 * Creates the findings table from `FINDINGS_TABLE`, waits until it is ACTIVE and enables TTL on
 * `expiresAt`. For DynamoDB Local and tests; in AWS the infra creates the table from the same data.
 * @example
 * await createFindingsTable(localDynamoClient(endpoint), 'customs-findings');
 */
export async function createFindingsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(findingsCreateTableInput(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: FINDINGS_TABLE.ttl, Enabled: true },
    }),
  );
}
