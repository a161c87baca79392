import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every store operation needs: the client, the table and the write policy. */
export interface StoreContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Seconds a history entry lives before TTL deletes it. */
  historyTtlSeconds: number;
  /** Re-read-and-retry attempts of one finding's write on version conflicts. */
  maxConflictAttempts: number;
  /** The current time; history expiry counts from it. */
  clock: () => Date;
}
