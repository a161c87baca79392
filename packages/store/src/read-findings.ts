import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';
import { findingFromItem } from './items.js';
import { findingKey } from './keys.js';
import type { StoredFinding } from './model.js';

const BATCH_GET_LIMIT = 100;
const MAX_BATCH_ROUNDS = 10;

/** Reads one finding with a strongly consistent read. */
export async function readFinding(
  context: StoreContext,
  findingId: string,
): Promise<StoredFinding | undefined> {
  const { Item } = await context.doc.send(
    new GetCommand({ TableName: context.tableName, Key: findingKey(findingId), ConsistentRead: true }),
  );
  return Item ? findingFromItem(Item) : undefined;
}

/**
 * Reads many findings (100 per BatchGetItem, unprocessed keys retried), strongly consistent unless
 * `consistent` is false.
 */
export async function readFindings(
  context: StoreContext,
  findingIds: readonly string[],
  consistent = true,
): Promise<Map<string, StoredFinding>> {
  const found = new Map<string, StoredFinding>();
  const keys = [...new Set(findingIds)].map(findingKey);
  for (const item of await batchGetItems(context, keys, consistent)) {
    const finding = findingFromItem(item);
    found.set(finding.id, finding);
  }
  return found;
}

/**
 * Reads items by their distinct keys with BatchGetItem calls of at most 100 keys, strongly
 * consistent (1 RRU per 4 KB) unless `consistent` is false (½ RRU), retrying unprocessed keys (at
 * most 10 calls a batch); the items found, in no given order.
 */
export async function batchGetItems(
  context: StoreContext,
  keys: readonly { PK: string; SK: string }[],
  consistent = true,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let batch: Record<string, unknown>[] = keys.slice(start, start + BATCH_GET_LIMIT);
    for (let round = 0; batch.length > 0; round++) {
      if (round >= MAX_BATCH_ROUNDS) {
        throw new Error(`DynamoDB left ${batch.length} items unread after ${round} BatchGetItem calls`);
      }
      if (round > 0) await new Promise((wake) => setTimeout(wake, Math.min(1000, 25 * 2 ** round)));
      const response = await context.doc.send(
        new BatchGetCommand({
          RequestItems: { [context.tableName]: { Keys: batch, ConsistentRead: consistent } },
        }),
      );
      found.push(...(response.Responses?.[context.tableName] ?? []));
      batch = response.UnprocessedKeys?.[context.tableName]?.Keys ?? [];
    }
  }
  return found;
}
