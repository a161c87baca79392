import { isLifecycleChange, type LifecycleChange, type Severity, type Status } from '@customs/core';
import { EventValidationError, eventToResourceRefs, parseEvent } from '@customs/events';
import type { FindingChange } from '@customs/store';
import type { LocalPipeline } from '../runtime/index.js';
import { auditPlaces, describeRef, isAuditResult, type Place, unchangedReason } from './audit-places.js';
import { describeError, safeReason } from './describe.js';
import type { EventEntry } from './read-events.js';
import type { RejectedRecord } from './rejected-log.js';

/**
 * The transitions DESIGN.md names for replay output: core's lifecycle changes (`opened`,
 * `resolved`, `reopened`, `suppressed`), every other transition `unchanged`.
 */
export type PublicTransition = LifecycleChange | 'unchanged';

export interface ReplayChange {
  findingId: string;
  checkId: string;
  resourceId: string;
  transition: PublicTransition;
  status: Status;
  severity: Severity;
  /** The index of the event in the file that caused it. */
  event: number;
  /** For an audit-log payload, the index of the audit event in its `logEvents`. */
  logEvent?: number;
}

/** A processed event that changed no finding's lifecycle: what it named, and why nothing changed. */
export interface UnchangedEvent {
  event: number;
  logEvent?: number;
  /** The resources it named (`eks-cluster prod`), re-read and re-assessed. */
  refs: string[];
  reason: string;
}

/**
 * Where each event of a replay ended, exactly one place per event: an event with a lifecycle
 * change (`opened`, `resolved`, `reopened`, `suppressed`) among `changes`, else `unchanged`,
 * `ignored` or `rejected`. `changes` lists every finding re-evaluated, `unchanged` ones included.
 * An audit-log payload's audit events are accounted one by one, each with its `logEvent` index.
 */
export interface ReplayReport {
  changes: ReplayChange[];
  unchanged: UnchangedEvent[];
  ignored: { event: number; logEvent?: number; reason: string }[];
  rejected: { event: number; logEvent?: number; reason: string; raw: unknown }[];
}

/** What a replay does besides building its report. */
export interface ReplayOptions {
  /** Keeps each rejected event as soon as it is rejected (the rejected log, written per event). */
  keep?: (record: RejectedRecord) => Promise<void>;
  /** Told, in one bounded line, of an internal error while processing one event (which is then rejected). */
  onInternalError?: (line: string) => void;
}

function toPublic(change: FindingChange, event: number, logEvent?: number): ReplayChange {
  const transition: PublicTransition = isLifecycleChange(change.transition) ? change.transition : 'unchanged';
  const { findingId, checkId, resourceId, status, severity } = change;
  return {
    findingId,
    checkId,
    resourceId,
    transition,
    status,
    severity,
    event,
    ...(logEvent === undefined ? {} : { logEvent }),
  };
}

/** The refs a delivered event named (it was validated by the handler, so this does not throw). */
function refsOf(event: unknown): string[] {
  try {
    return eventToResourceRefs(parseEvent(event)).slice(0, 20).map(describeRef);
  } catch {
    return [];
  }
}

/** Delivers one event and says where it ended (each audit event of a payload, one place each); never throws. */
async function placesOf(event: unknown, pipeline: LocalPipeline): Promise<Place[]> {
  try {
    const delivery = await pipeline.bus.publish(event);
    if (delivery.outcome === 'ignored') return [{ place: 'ignored', reason: safeReason(delivery.reason) }];
    if (delivery.results.some(isAuditResult))
      return delivery.results.filter(isAuditResult).flatMap(auditPlaces);
    return [placeOf(event, delivery.results)];
  } catch (error) {
    if (error instanceof EventValidationError)
      return [{ place: 'rejected', reason: safeReason(error.message), internal: false }];
    return [{ place: 'rejected', reason: `internal error: ${describeError(error)}`, internal: true }];
  }
}

/** Where a delivered EventBridge event ended, from its handlers' results. */
function placeOf(
  event: unknown,
  results: { changes: FindingChange[]; warnings: string[]; refs: number }[],
): Place {
  const changes = results.flatMap((result) => result.changes);
  const warnings = results.flatMap((result) => result.warnings);
  const named = results.reduce((count, result) => count + result.refs, 0);
  if (named === 0) return { place: 'ignored', reason: 'the event names no resource to re-assess' };
  if (changes.length === 0 && warnings.length > 0)
    return { place: 'ignored', reason: safeReason(warnings.join('; ')) };
  const refs = refsOf(event);
  if (changes.some((change) => isLifecycleChange(change.transition)))
    return { place: 'changes', changes, refs, reason: '' };
  return { place: 'unchanged', changes, refs, reason: unchangedReason(changes, warnings) };
}

/**
 * Publishes each event on the local bus, in file order, through the deployed rules and the same
 * handlers, and says where each ended — exactly one place per event, whatever it holds: with its
 * finding changes, unchanged (with the refs it named), ignored (no rule matched, another account,
 * no resource named) or rejected (malformed, with the field that is wrong; or an internal error
 * while processing it). No error of one event stops the replay; each rejected event is kept
 * (`options.keep`) as soon as it is rejected. Reasons are bounded and control-escaped.
 * @example const report = await replayEvents(await readEventsFile(path), pipeline, { keep });
 */
export async function replayEvents(
  entries: EventEntry[],
  pipeline: LocalPipeline,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const report: ReplayReport = { changes: [], unchanged: [], ignored: [], rejected: [] };
  for (const entry of entries) {
    const places: Place[] =
      'error' in entry
        ? [{ place: 'rejected', reason: safeReason(entry.error), internal: false }]
        : await placesOf(entry.event, pipeline);
    const index = entry.index;
    for (const place of places) {
      const at = place.logEvent === undefined ? { event: index } : { event: index, logEvent: place.logEvent };
      if (place.place === 'rejected') {
        const whole = 'error' in entry ? entry.text : entry.event;
        const raw = place.raw === undefined ? whole : { ...(place.raw as object), payload: whole };
        report.rejected.push({ ...at, reason: place.reason, raw });
        if (place.internal) options.onInternalError?.(`event ${index}: ${place.reason}`);
        const reason =
          place.logEvent === undefined ? place.reason : `log event ${place.logEvent}: ${place.reason}`;
        await keepSafely(options, { at: new Date().toISOString(), index, reason, event: raw });
      } else if (place.place === 'ignored') {
        report.ignored.push({ ...at, reason: place.reason });
      } else {
        report.changes.push(...place.changes.map((change) => toPublic(change, index, place.logEvent)));
        if (place.place === 'unchanged')
          report.unchanged.push({ ...at, refs: place.refs, reason: place.reason });
      }
    }
  }
  return report;
}

/** Keeps a rejected event; a failure to keep it is told once per event, and the replay goes on. */
async function keepSafely(options: ReplayOptions, record: RejectedRecord): Promise<void> {
  if (!options.keep) return;
  try {
    await options.keep(record);
  } catch (error) {
    options.onInternalError?.(`event ${record.index}: not kept: ${describeError(error)}`);
  }
}
