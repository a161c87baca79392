import {
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { createFindingsTable } from '@customs/store';

/** Creates the findings table unless it exists already (a kept `--data` directory). */
export async function ensureFindingsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await createFindingsTable(client, tableName);
  }
}
