import type { Severity, Status } from '@customs/core';
import type { FindingChange } from '@customs/store';
import type { LocalPipeline } from '../runtime/index.js';
import type { EventEntry } from './read-events.js';

/** The transitions DESIGN.md names for replay output. */
export type PublicTransition = 'opened' | 'resolved' | 'reopened' | 'suppressed' | 'unchanged';

export interface ReplayChange {
  findingId: string;
  checkId: string;
  resourceId: string;
  transition: PublicTransition;
  status: Status;
  severity: Severity;
  /** The index of the event in the file that caused it. */
  event: number;
}

export interface ReplayReport {
  changes: ReplayChange[];
  ignored: { event: number; reason: string }[];
  rejected: { event: number; reason: string; raw: unknown }[];
}

const LIFECYCLE: readonly string[] = ['opened', 'resolved', 'reopened', 'suppressed'];

function toPublic(change: FindingChange, event: number): ReplayChange {
  const transition = (
    LIFECYCLE.includes(change.transition) ? change.transition : 'unchanged'
  ) as PublicTransition;
  const { findingId, checkId, resourceId, status, severity } = change;
  return { findingId, checkId, resourceId, transition, status, severity, event };
}

function isEnvelope(event: unknown): boolean {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return false;
  const record = event as Record<string, unknown>;
  return typeof record.source === 'string' && typeof record['detail-type'] === 'string';
}

/**
 * Publishes each event on the local bus, in file order, through the deployed rules and the same
 * handlers; collects the finding changes each caused, the events no rule matched, and the events
 * rejected as malformed (which change nothing).
 * @example const report = await replayEvents(await readEventsFile(path), pipeline);
 */
export async function replayEvents(entries: EventEntry[], pipeline: LocalPipeline): Promise<ReplayReport> {
  const report: ReplayReport = { changes: [], ignored: [], rejected: [] };
  for (const entry of entries) {
    if ('error' in entry) {
      report.rejected.push({ event: entry.index, reason: entry.error, raw: entry.text });
      continue;
    }
    if (!isEnvelope(entry.event)) {
      const reason = 'not an EventBridge event: it needs at least source and detail-type';
      report.rejected.push({ event: entry.index, reason, raw: entry.event });
      continue;
    }
    try {
      const delivery = await pipeline.bus.publish(entry.event);
      if (delivery.outcome === 'ignored') {
        report.ignored.push({ event: entry.index, reason: delivery.reason });
        continue;
      }
      const results = delivery.results;
      const changes = results.flatMap((result) => result.changes);
      const warnings = results.flatMap((result) => result.warnings);
      if (changes.length === 0 && warnings.length > 0) {
        report.ignored.push({ event: entry.index, reason: warnings.join('; ') });
      }
      report.changes.push(...changes.map((change) => toPublic(change, entry.index)));
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'EventValidationError') throw error;
      report.rejected.push({ event: entry.index, reason: error.message, raw: entry.event });
    }
  }
  return report;
}
