import { baseStateOf, type Finding, isFailing, nextLifecycle } from '@customs/core';
import type { StoredFinding, Transition } from './model.js';
import type { SuppressionMark } from './suppressions.js';

/** A decision on one stored finding: what to write (nothing when `next` is absent). */
export interface Decision {
  transition: Transition;
  next?: StoredFinding;
  reason?: string;
  /** The suppression this change applied or ended (recorded in history). */
  suppressionId?: string;
  /** Who made a change that is not an evaluation, and when (recorded in history). */
  actor?: string;
  at?: string;
  /** Not the finding its image's `now-in-use` is announced on (another of the image's is). */
  quietInUse?: boolean;
}

/** The fields whose change makes an evaluation worth a write (and that its digest covers). */
export const CONTENT_FIELDS = [
  'status',
  'message',
  'severity',
  'title',
  'recommendation',
  'resourceName',
  'resourceType',
  'accountId',
  'region',
] as const satisfies readonly (keyof Finding)[];

/**
 * An image finding's `inUse` as compared and digested: its running count and places, and what
 * Inspector says when it was asked (its count, the UTC day of its last use, or why it is unknown:
 * a `lastInUseAt` that moves within a day is worth no write), or undefined (a finding without one).
 */
export function inUseKey(finding: Pick<Finding, 'inUse'>): string | undefined {
  const { inUse } = finding;
  if (inUse === undefined) return undefined;
  const { inspector } = inUse;
  return JSON.stringify(
    inspector === undefined
      ? [inUse.running, inUse.where]
      : [
          inUse.running,
          inUse.where,
          [
            inspector.inUseCount ?? null,
            inspector.lastInUseAt?.slice(0, 10) ?? null,
            inspector.unreadable ?? null,
          ],
        ],
  );
}

/** Whether an evaluation repeats the stored finding's content (then it is worth no write), `inUse` included. */
export function sameContent(stored: StoredFinding, finding: Finding): boolean {
  return (
    CONTENT_FIELDS.every((field) => stored[field] === finding[field]) &&
    inUseKey(stored) === inUseKey(finding)
  );
}

/**
 * Decides what an evaluation does to the stored finding: `stale` when the stored one was written
 * by a later evaluation, `unchanged` when no content field differs and the suppression that covers
 * it (if any, for a FAIL) is the stored one, else the next stored finding. Whether the evaluation
 * is the resource's latest is decided before, on the resource's evaluation record (which also
 * breaks ties of evaluatedAt), so an evaluation with the stored finding's own time may rewrite it.
 * @example decideEvaluation(undefined, failingFinding).transition; // 'opened'
 */
export function decideEvaluation(
  stored: StoredFinding | undefined,
  finding: Finding,
  suppression?: SuppressionMark,
): Decision {
  if (stored && isNewer(stored.lastEvaluatedAt, finding.evaluatedAt)) return { transition: 'stale' };
  const mark = finding.status === 'FAIL' ? suppression : undefined;
  const storedMark = stored?.state === 'SUPPRESSED' ? stored.suppressionId : undefined;
  if (stored && sameContent(stored, finding) && storedMark === mark?.id) {
    return { transition: 'unchanged' };
  }
  const at = finding.evaluatedAt;
  const { state, transition } = nextLifecycle(stored, finding.status, mark !== undefined);
  const base = baseStateOf(stored);
  const next: StoredFinding = {
    ...finding,
    state,
    version: (stored?.version ?? 0) + 1,
    firstSeenAt: stored?.firstSeenAt ?? at,
    lastChangedAt:
      stored && stored.state === state && stored.status === finding.status ? stored.lastChangedAt : at,
    lastEvaluatedAt: at,
  };
  const openedAt = isFailing(state) && !isFailing(base) ? at : stored?.openedAt;
  if (openedAt !== undefined) next.openedAt = openedAt;
  const resolvedAt = transition === 'resolved' ? at : stored?.resolvedAt;
  if (resolvedAt !== undefined) next.resolvedAt = resolvedAt;
  if (state === 'RESOLVED' && transition !== 'resolved' && stored?.resolvedReason !== undefined) {
    next.resolvedReason = stored.resolvedReason;
  }
  if (state === 'ERROR' && base !== undefined) next.stateBeforeError = base;
  if (state === 'SUPPRESSED' && mark) {
    next.suppressionId = mark.id;
    next.suppressedUntil = mark.until;
    return mark.id === storedMark
      ? { transition, next }
      : { transition, next, reason: mark.reason, suppressionId: mark.id };
  }
  if (base === 'SUPPRESSED' && state === 'OPEN' && stored?.suppressionId) {
    const reason = `Suppression ${stored.suppressionId} no longer covers it`;
    return { transition, next, reason, suppressionId: stored.suppressionId };
  }
  return { transition, next };
}

/**
 * Decides what the deletion of the finding's resource does: RESOLVED with status NOT_APPLICABLE and
 * the reason as message; `resolved` when it was failing, `removed` otherwise; `stale` when a later
 * evaluation wrote the stored finding (the resource's record orders removals and evaluations).
 * @example decideRemoval(openFinding, 'Repository deleted', '2026-11-21T10:00:00.000Z').transition; // 'resolved'
 */
export function decideRemoval(stored: StoredFinding, reason: string, at: string): Decision {
  if (isNewer(stored.lastEvaluatedAt, at)) return { transition: 'stale' };
  if (stored.state === 'RESOLVED' && stored.status === 'NOT_APPLICABLE' && stored.message === reason) {
    return { transition: 'unchanged' };
  }
  const wasOpen = isFailing(baseStateOf(stored));
  const { stateBeforeError: _dropped, suppressionId: _id, suppressedUntil: _until, ...rest } = stored;
  const next: StoredFinding = {
    ...rest,
    state: 'RESOLVED',
    status: 'NOT_APPLICABLE',
    message: reason,
    version: stored.version + 1,
    lastChangedAt:
      stored.state === 'RESOLVED' && stored.status === 'NOT_APPLICABLE' ? stored.lastChangedAt : at,
    lastEvaluatedAt: at,
    evaluatedAt: at,
    resolvedAt: wasOpen ? at : (stored.resolvedAt ?? at),
    resolvedReason: reason,
  };
  return { transition: wasOpen ? 'resolved' : 'removed', next, reason };
}

/** Whether `candidate` is a later time than `stored` (ties are broken on the resource's record). */
export function isNewer(candidate: string, stored: string): boolean {
  return Date.parse(candidate) > Date.parse(stored);
}
