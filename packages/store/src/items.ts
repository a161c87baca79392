import type { HistoryEntry, StoredFinding } from './model.js';

/** Attributes that exist only for the table's keys and indexes; never part of a returned finding. */
const KEY_ATTRIBUTES = new Set([
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
]);

type Item = Record<string, unknown>;

function withoutKeys(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
}

/** Reads a finding item (from the table or a GSI) back into a StoredFinding. */
export function findingFromItem(item: Item): StoredFinding {
  return withoutKeys(item) as unknown as StoredFinding;
}

/** Reads a history item back into a HistoryEntry. */
export function historyFromItem(item: Item): HistoryEntry {
  return withoutKeys(item) as unknown as HistoryEntry;
}
