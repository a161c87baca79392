export { createFindingsTable } from './create-table.js';
export { type CursorPosition, decodeCursor, encodeCursor } from './cursor.js';
export { InvalidCursorError, InvalidSuppressionError, StoreWriteError } from './errors.js';
export { evaluationDigest, orderOf } from './evaluation-record.js';
export { findingItem } from './finding-item.js';
export {
  FindingsRepository,
  type FindingsRepositoryOptions,
  type MissingScope,
  type NamedResource,
  type PageOptions,
} from './findings-repository.js';
export { decideEvaluation, decideRemoval } from './lifecycle.js';
export type { FindingFilters } from './list-plan.js';
export type {
  FindingChange,
  FindingState,
  HistoryEntry,
  Page,
  ResourceEvaluation,
  StoredFinding,
  Transition,
} from './model.js';
export { OutboxRepository, type OutboxRepositoryOptions } from './outbox.js';
export type { HoldRequest, TargetHold } from './outbox-holds.js';
export {
  type ClaimResult,
  OUTBOX_PENDING,
  type OutboxDelivery,
  type OutboxEntry,
  type OutboxStatus,
  outboxKeyOf,
} from './outbox-model.js';
export type { ReleaseOptions } from './outbox-writes.js';
export { createStoreClient, STORE_MAX_ATTEMPTS } from './store-client.js';
export type { FindingsSummary, StatusCounts } from './summary.js';
export type { Suppression } from './suppressions.js';
export { coversFinding, resourcePatternMatches } from './suppressions.js';
export {
  type NewSuppression,
  type SuppressionOutcome,
  SuppressionsRepository,
} from './suppressions-repository.js';
export { FINDINGS_TABLE, type FindingsIndexName, findingsCreateTableInput } from './table-definition.js';
