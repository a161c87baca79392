import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Page } from './model.js';
import { FINDINGS_TABLE, type FindingsIndexName } from './table-definition.js';

/** A query over one or more partitions of the table or an index, read one after the other. */
export interface QueryPlan {
  /** The GSI; the table itself when absent. */
  index?: FindingsIndexName;
  /** Partition key values, each with an optional sort key prefix (begins_with). */
  partitions: { pk: string; prefix?: string | undefined }[];
  /** Attribute = value (or IN the values) conditions applied as a FilterExpression. */
  filters: Record<string, string | readonly string[]>;
  /** Newest (highest sort key) first when false. */
  scanForward?: boolean;
  /** A strongly consistent read (the table only; no GSI offers one) [eventually consistent]. */
  consistentRead?: boolean;
  /**
   * Only ECR image findings in use (true: `inUse.running` or `inUse.inspector.inUseCount` above 0)
   * or in use nowhere (false: both 0 or no Inspector count).
   */
  inUse?: boolean;
  /** Only items whose `openedAt` is at or after this ISO 8601 time (a string comparison). */
  openedSince?: string;
}

/** Query calls one page may make before it returns what it has (a short page with a cursor). */
const MAX_CALLS_PER_PAGE = 10;
/** With a filter, read at least this many items per call so sparse matches do not cost many calls. */
const FILTERED_READ_SIZE = 100;

/**
 * Reads one page of `limit` items of a plan, continuing at `cursor`. A page may be shorter than
 * `limit` while a cursor is returned; only a missing cursor means there is nothing more.
 * Every read is a Query; values travel as expression attribute values, never inside expressions.
 */
export async function queryPage(
  context: StoreContext,
  plan: QueryPlan,
  limit: number,
  cursor?: string,
): Promise<Page<Record<string, unknown>>> {
  const scope = scopeOf(plan);
  const start = cursor === undefined ? { partition: 0, key: undefined } : decodeCursor(cursor, scope);
  let { partition, key } = start;
  const items: Record<string, unknown>[] = [];
  const filtered =
    Object.keys(plan.filters).length > 0 || plan.inUse !== undefined || plan.openedSince !== undefined;
  // A call that finds a partition empty (a check without findings of that status) does not count
  // towards MAX_CALLS_PER_PAGE: the plan's partitions bound those calls.
  for (
    let calls = 0;
    partition < plan.partitions.length && items.length < limit && calls < MAX_CALLS_PER_PAGE;
  ) {
    const room = limit - items.length;
    const response = await context.doc.send(
      queryCommand(context, plan, partition, filtered ? Math.max(room, FILTERED_READ_SIZE) : room, key),
    );
    const found = response.Items ?? [];
    if (found.length > room) {
      const taken = found.slice(0, room);
      items.push(...taken);
      const last = taken.at(-1) ?? {};
      return { items, cursor: encodeCursor({ scope, partition, key: keyOf(plan, last) }) };
    }
    items.push(...found);
    if (found.length > 0 || response.LastEvaluatedKey || key !== undefined) calls++;
    if (response.LastEvaluatedKey) {
      key = response.LastEvaluatedKey as Record<string, string>;
    } else {
      partition++;
      key = undefined;
    }
  }
  const more = partition < plan.partitions.length;
  return more ? { items, cursor: encodeCursor({ scope, partition, key }) } : { items };
}

/** Reads every item of a plan (for bounded sets such as one resource's findings). */
export async function queryAll(context: StoreContext, plan: QueryPlan): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(context, plan, 1000, cursor);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return items;
}

function queryCommand(
  context: StoreContext,
  plan: QueryPlan,
  partition: number,
  limit: number,
  startKey: Record<string, string> | undefined,
): QueryCommand {
  const { pk, prefix } = plan.partitions[partition] ?? { pk: '' };
  const { hashKey, rangeKey } = keyNames(plan);
  const names: Record<string, string> = { '#pk': hashKey };
  const values: Record<string, unknown> = { ':pk': pk };
  let keyCondition = '#pk = :pk';
  if (prefix !== undefined) {
    names['#sk'] = rangeKey;
    values[':sk'] = prefix;
    keyCondition += ' AND begins_with(#sk, :sk)';
  }
  const conditions = Object.entries(plan.filters).map(function filterCondition([attribute, value], index) {
    names[`#f${index}`] = attribute;
    if (typeof value === 'string') {
      values[`:f${index}`] = value;
      return `#f${index} = :f${index}`;
    }
    const placeholders = value.map(function placeholder(each, position) {
      values[`:f${index}_${position}`] = each;
      return `:f${index}_${position}`;
    });
    return `#f${index} IN (${placeholders.join(', ')})`;
  });
  if (plan.inUse !== undefined) {
    // In use: Customs' inventory runs the image, or Inspector counts it in use (isImageInUse).
    names['#inUse'] = 'inUse';
    names['#running'] = 'running';
    names['#inspector'] = 'inspector';
    names['#inUseCount'] = 'inUseCount';
    values[':none'] = 0;
    conditions.push(
      plan.inUse
        ? '(#inUse.#running > :none OR #inUse.#inspector.#inUseCount > :none)'
        : '(#inUse.#running = :none AND (attribute_not_exists(#inUse.#inspector.#inUseCount) OR #inUse.#inspector.#inUseCount = :none))',
    );
  }
  if (plan.openedSince !== undefined) {
    names['#openedAt'] = 'openedAt';
    values[':openedSince'] = plan.openedSince;
    conditions.push('#openedAt >= :openedSince');
  }
  return new QueryCommand({
    TableName: context.tableName,
    IndexName: plan.index,
    KeyConditionExpression: keyCondition,
    FilterExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ExclusiveStartKey: startKey,
    ScanIndexForward: plan.scanForward ?? true,
    ConsistentRead: plan.consistentRead,
    Limit: limit,
  });
}

function keyNames(plan: QueryPlan): { hashKey: string; rangeKey: string } {
  return plan.index === undefined ? FINDINGS_TABLE.primaryIndex : FINDINGS_TABLE.globalIndexes[plan.index];
}

/** The ExclusiveStartKey that resumes right after `item`: the table key plus the index key. */
function keyOf(plan: QueryPlan, item: Record<string, unknown>): Record<string, string> {
  const { hashKey, rangeKey } = keyNames(plan);
  const names = new Set(['PK', 'SK', hashKey, rangeKey]);
  return Object.fromEntries([...names].map((name) => [name, String(item[name])]));
}

/** Ties a cursor to the plan it was issued for: index, partitions and filters. */
function scopeOf(plan: QueryPlan): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        plan.partitions,
        plan.filters,
        plan.scanForward ?? true,
        ...(plan.inUse === undefined ? [] : [plan.inUse]),
        ...(plan.openedSince === undefined ? [] : [{ openedSince: plan.openedSince }]),
      ]),
    )
    .digest('base64url')
    .slice(0, 12);
  return `${plan.index ?? 'table'}:${digest}`;
}
