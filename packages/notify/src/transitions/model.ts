import type { Announcement, FindingState, Severity } from '@customs/core';
import type { StoredFinding } from '@customs/store';

/** What a notification says happened to a finding: core's announcements (`ANNOUNCEMENTS`). */
export type TransitionKind = Announcement;

/** Lifecycle states as a stream image carries them. */
export type NotifiedState = FindingState;

/** A finding as its stream image carries it: the stored finding. */
export type NotifiedFinding = StoredFinding;

/** One transition of one finding, as the store marked it on the finding item it wrote. */
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
  /**
   * The sweep run that wrote it (packages/store, sweep-runs.ts), absent for an event's change: its
   * Slack message is held for the run's digest.
   */
  sweepRun?: string;
}
