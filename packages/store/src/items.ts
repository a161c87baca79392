import { CHANGE_ATTRIBUTES } from './change-marks.js';
import type { HistoryEntry, StoredFinding } from './model.js';
import { FINDINGS_TABLE } from './table-definition.js';

/**
 * Attributes that exist only for the table's keys and indexes; never part of a returned item.
 * GSI3 and GSI6 keyed the dropped byRecommendation and byResourceType indexes: items written
 * before keep them until their next write.
 */
const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'type',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'GSI4PK',
  'GSI4SK',
  'GSI5PK',
  'GSI5SK',
  'GSI6PK',
  'GSI6SK',
];

/**
 * A finding item's keys, the marks of the change that wrote it (change-marks.ts) and its TTL (a
 * finding of a resource that is gone).
 */
const FINDING_ITEM_ONLY = new Set<string>([...KEY_ATTRIBUTES, ...CHANGE_ATTRIBUTES, FINDINGS_TABLE.ttl]);
/** A history item's keys and its TTL (when DynamoDB deletes it): the table's, never the entry's. */
const HISTORY_ITEM_ONLY = new Set<string>([...KEY_ATTRIBUTES, FINDINGS_TABLE.ttl]);

type Item = Record<string, unknown>;

function without(item: Item, names: ReadonlySet<string>): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !names.has(name)));
}

/** Reads a finding item (from the table or a GSI) back into a StoredFinding. */
export function findingFromItem(item: Item): StoredFinding {
  return without(item, FINDING_ITEM_ONLY) as unknown as StoredFinding;
}

/** Reads a history item back into a HistoryEntry (its `transition` is the entry's own). */
export function historyFromItem(item: Item): HistoryEntry {
  return without(item, HISTORY_ITEM_ONLY) as unknown as HistoryEntry;
}
