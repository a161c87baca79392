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

/** Reads many findings (strongly consistent, 100 per BatchGetItem, unprocessed keys retried). */
export async function readFindings(
  context: StoreContext,
  findingIds: readonly string[],
): Promise<Map<string, StoredFinding>> {
  const found = new Map<string, StoredFinding>();
  const unique = [...new Set(findingIds)];
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] = unique.slice(start, start + BATCH_GET_LIMIT).map(findingKey);
    for (let round = 0; keys.length > 0; round++) {
      if (round >= MAX_BATCH_ROUNDS) {
        throw new Error(`DynamoDB left ${keys.length} findings unread after ${round} BatchGetItem calls`);
      }
      if (round > 0) await new Promise((wake) => setTimeout(wake, Math.min(1000, 25 * 2 ** round)));
      const response = await context.doc.send(
        new BatchGetCommand({ RequestItems: { [context.tableName]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of response.Responses?.[context.tableName] ?? []) {
        const finding = findingFromItem(item);
        found.set(finding.id, finding);
      }
      keys = response.UnprocessedKeys?.[context.tableName]?.Keys ?? [];
    }
  }
  return found;
}
