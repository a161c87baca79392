import type { Severity } from '@customs/core';
import type { FindingState, StoredFinding } from '@customs/store';

/** What a notification says happened to a finding. */
export type TransitionKind = 'opened' | 'resolved' | 'reopened' | 'suppressed' | 'severity-changed';

/** Lifecycle states as a stream image may carry them (SUPPRESSED comes with the suppressions). */
export type NotifiedState = FindingState | 'SUPPRESSED';

/** A finding as its stream image carries it: the stored finding, its state possibly SUPPRESSED. */
export type NotifiedFinding = Omit<StoredFinding, 'state'> & { state: NotifiedState };

/** One transition of one finding, derived from a stream record of its item. */
export interface FindingTransition {
  kind: TransitionKind;
  /** The finding after the change (the record's new image). */
  finding: NotifiedFinding;
  /** The finding's version after the change: with its id, it names the change. */
  version: number;
  /** The state before the change; absent for a finding first stored failing. */
  previousState?: NotifiedState;
  /** The severity before the change, on `severity-changed`. */
  previousSeverity?: Severity;
}
