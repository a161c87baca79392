import type { BaseState, Finding, FindingState, Severity, Status, Transition } from '@customs/core';

/**
 * A finding's lifecycle state and what a change did to it are core's (packages/core, lifecycle):
 * decided there once, for the store, the stream filter, the fan-out and replay.
 */
export type { FindingState, Transition } from '@customs/core';

/** A finding as stored: the last written evaluation plus its lifecycle. */
export interface StoredFinding extends Finding {
  state: FindingState;
  /** 1 for the first write, +1 per change. */
  version: number;
  /** evaluatedAt of the first stored evaluation. */
  firstSeenAt: string;
  /** evaluatedAt of the last change of state or status. */
  lastChangedAt: string;
  /**
   * evaluatedAt of the last write. An unchanged re-evaluation does not write the finding, so this is
   * the last evaluation that changed something (status, message or a descriptive field), like
   * `evaluatedAt`; the resource's latest evaluation is in its `ResourceEvaluation` record.
   */
  lastEvaluatedAt: string;
  /** When the current or last failure began. */
  openedAt?: string;
  resolvedAt?: string;
  /** Why it was resolved without an evaluation (e.g. the resource was deleted). */
  resolvedReason?: string;
  /** While ERROR: the state before the error (absent when the first verdict was an error). */
  stateBeforeError?: BaseState;
  /** While SUPPRESSED: the suppression that covers it, and when that suppression expires. */
  suppressionId?: string;
  suppressedUntil?: string;
}

/**
 * A resource's evaluation record (README.md, "Ordering"): the latest evaluation, or removal, of the
 * resource that the store accepted. Every write of the resource's findings writes it in the same
 * transaction, and an unchanged evaluation writes it alone, so it is what orders evaluations.
 */
export interface ResourceEvaluation {
  resourceId: string;
  /** evaluatedAt of the latest accepted evaluation (the latest of its findings' times). */
  evaluatedAt: string;
  /** sha256 (hex) of that evaluation's content (`evaluationDigest`); breaks ties of evaluatedAt. */
  digest: string;
  /** 1 for the first write, +1 per write: what its conditional writes compare. */
  seq: number;
  /**
   * The version each finding of the resource was given by the last evaluation (or removal) that
   * wrote it, so that a read of the record and the findings together can tell whether a finding
   * was read before a write the record was read after.
   */
  versions: Record<string, number>;
  /**
   * The state each finding of `versions` was left in by that write (records written before this
   * field existed have none): what an unchanged evaluation reports without reading the findings.
   */
  states?: Record<string, FindingState>;
  /** After a removal (the resource is gone): epoch seconds at which DynamoDB's TTL deletes it. */
  expiresAt?: number;
  /** A deployment's digests in the digest → deployments index, as its last write left them. */
  deployed?: IndexedDigests;
}

/** One immutable entry of a finding's history: the change of one version. */
export interface HistoryEntry {
  findingId: string;
  checkId: string;
  resourceId: string;
  version: number;
  transition: Transition;
  state: FindingState;
  status: Status;
  severity: Severity;
  message: string;
  evaluatedAt: string;
  previousState?: FindingState;
  previousStatus?: Status;
  reason?: string;
  /** The suppression that this change applied or ended. */
  suppressionId?: string;
  /** Who made a change that was not an evaluation (creating or deleting a suppression). */
  actor?: string;
  /** When a change that was not an evaluation was made. */
  changedAt?: string;
}

/** One line of `applyEvaluation`'s result. */
export interface FindingChange {
  findingId: string;
  checkId: string;
  resourceId: string;
  transition: Transition;
  status: Status;
  severity: Severity;
  state: FindingState;
  previousState?: FindingState;
  /** The stored version after this evaluation. */
  version: number;
}

/** A page of results and the opaque cursor of the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** What a deployment's evaluation record keeps of each digest it indexed (to remove and compare). */
export type IndexedDigests = Record<string, { repositoryName?: string; count: number; where: string[] }>;
