import { isLifecycleChange, type ResourceRef, resourceNameOfRef } from '@customs/core';
import type { AuditHandlerResult } from '@customs/functions';
import type { FindingChange } from '@customs/store';
import { safeReason } from './describe.js';

/** Where one event (or one audit event of a subscription payload, `logEvent`) ended. */
export type Place = { logEvent?: number } & (
  | { place: 'changes' | 'unchanged'; changes: FindingChange[]; refs: string[]; reason: string }
  | { place: 'ignored'; reason: string }
  | { place: 'rejected'; reason: string; internal: boolean; raw?: unknown }
);

/** `eks-cluster prod`, bounded and escaped. */
export function describeRef(ref: ResourceRef): string {
  return safeReason(`${ref.type} ${resourceNameOfRef(ref)}`, 200);
}

/** Whether a handler's result is an audit-log handler's (a subscription payload's outcome). */
export function isAuditResult(result: unknown): result is AuditHandlerResult {
  return result !== null && typeof result === 'object' && 'batch' in result && 'events' in result;
}

/** Why re-assessing named refs changed no finding's lifecycle. */
export function unchangedReason(changes: FindingChange[], warnings: string[]): string {
  const why =
    changes.length > 0
      ? `${changes.length} finding(s) re-evaluated, none changed`
      : 'not found in the account, and no finding of it stored to resolve';
  return safeReason(warnings.length > 0 ? `${why}; ${warnings.join('; ')}` : why);
}

/**
 * Where each audit event of a subscription payload ended, one place each (`logEvent` its index
 * in the payload's `logEvents`): with its finding changes, unchanged (its refs re-read, or
 * re-read once with an earlier event of the payload that named them), ignored or rejected with
 * the reason. A control message is one ignored place.
 * @example const places = auditPlaces(result);
 */
export function auditPlaces(result: AuditHandlerResult): Place[] {
  if (result.batch.messageType === 'CONTROL_MESSAGE')
    return [{ place: 'ignored', reason: safeReason(result.batch.reason) }];
  return result.events.map((event): Place => {
    const logEvent = event.index;
    if (event.outcome === 'ignored') return { logEvent, place: 'ignored', reason: safeReason(event.reason) };
    if (event.outcome === 'rejected')
      return {
        logEvent,
        place: 'rejected',
        reason: safeReason(event.reason),
        internal: false,
        raw: { logEventId: event.id },
      };
    const refs = event.refs.slice(0, 20).map(describeRef);
    const { changes, warnings } = event;
    if (event.with !== undefined)
      return {
        logEvent,
        place: 'unchanged',
        changes,
        refs,
        reason: `re-assessed once with log event ${event.with}, which named it first`,
      };
    if (changes.length === 0 && warnings.length > 0)
      return { logEvent, place: 'ignored', reason: safeReason(warnings.join('; ')) };
    if (changes.some((change) => isLifecycleChange(change.transition)))
      return { logEvent, place: 'changes', changes, refs, reason: '' };
    return { logEvent, place: 'unchanged', changes, refs, reason: unchangedReason(changes, warnings) };
  });
}
