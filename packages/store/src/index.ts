export { ANNOUNCED_FINDING_WRITES } from './change-marks.js';
export { createFindingsTable } from './create-table.js';
export type { MovedDigest, ResourceDeployments } from './deployment-index.js';
export { InvalidCursorError, StoreWriteError } from './errors.js';
export { evaluationDigest } from './evaluation-record.js';
export { findingItem } from './finding-item.js';
export {
  FindingsRepository,
  type FindingsRepositoryOptions,
} from './findings-repository.js';
export { decideEvaluation } from './lifecycle.js';
export type { FindingFilters } from './list-plan.js';
export type {
  FindingChange,
  Page,
  StoredFinding,
} from './model.js';
export { OutboxRepository } from './outbox.js';
export type { HoldRequest, TargetHold } from './outbox-holds.js';
export type {
  ClaimResult,
  OutboxDelivery,
  OutboxEntry,
} from './outbox-model.js';
export type { HoldResult } from './outbox-sweep-holds.js';
export type { ReleaseOptions } from './outbox-writes.js';
export { POSTURE_TTL_DAYS, utcDay } from './posture-days.js';
export { createStoreClient } from './store-client.js';
export type { AccountCounts, FindingsSummary, StatusCounts } from './summary.js';
export type { Suppression } from './suppressions.js';
export { resourcePatternMatches } from './suppressions.js';
export {
  type NewSuppression,
  SuppressionsRepository,
} from './suppressions-repository.js';
export { SWEEP_RUN_ENDS, sweepRunEndOf, sweepRunId } from './sweep-runs.js';
export { FINDINGS_TABLE, findingsCreateTableInput } from './table-definition.js';
