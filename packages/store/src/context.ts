import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
  /** The sweep run whose writes these are (sweep-runs.ts): finding items carry it as `sweepRun`. */
  sweepRun?: string;
}

/** How a repository on the findings table is set up. */
export interface StoreContextOptions {
  /** Configure its retries (`createStoreClient` does); a call that still fails is thrown. */
  client: DynamoDBClient;
  tableName: string;
  /** Days a history entry is kept before TTL deletes it; 180 by default. */
  historyTtlDays?: number;
  /** Re-read-and-retry attempts per finding when another writer changed it first; 10 by default. */
  maxConflictAttempts?: number;
  /** The current time (history expiry counts from it); `new Date()` by default. */
  clock?: () => Date;
  /**
   * Marks every finding write with this sweep run (`sweepRun`), so that the fan-out holds the
   * Slack messages of its transitions for one digest at the run's end (sweep-runs.ts).
   */
  sweepRun?: string;
}

/**
 * The context of the findings table's repositories, with the defaults.
 * @example const context = storeContext({ client, tableName: 'customs-findings' });
 */
export function storeContext(options: StoreContextOptions): StoreContext {
  return {
    doc: DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: options.tableName,
    historyTtlSeconds: Math.round((options.historyTtlDays ?? 180) * 86_400),
    maxConflictAttempts: options.maxConflictAttempts ?? 10,
    clock: options.clock ?? (() => new Date()),
    ...(options.sweepRun === undefined ? {} : { sweepRun: options.sweepRun }),
  };
}
