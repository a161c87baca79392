import type { Decision } from './lifecycle.js';
import type { StoredFinding } from './model.js';
import type { SuppressionMark } from './suppressions.js';

/** Who changes a finding outside an evaluation, and when. */
export interface Change {
  actor: string;
  at: string;
}

/**
 * A new suppression covers an OPEN failure: SUPPRESSED (`suppressed`), its verdict untouched.
 * Anything else (not failing, or already covered by another suppression) is left as it is.
 * @example decideSuppression(openFinding, markOf(suppression), { actor: 'alice', at }).transition; // 'suppressed'
 */
export function decideSuppression(stored: StoredFinding, mark: SuppressionMark, change: Change): Decision {
  if (stored.state !== 'OPEN' || stored.status !== 'FAIL') return { transition: 'unchanged' };
  const next: StoredFinding = {
    ...stored,
    state: 'SUPPRESSED',
    suppressionId: mark.id,
    suppressedUntil: mark.until,
    version: stored.version + 1,
    lastChangedAt: change.at,
  };
  return { transition: 'suppressed', next, reason: mark.reason, suppressionId: mark.id, ...change };
}

/**
 * A suppression ended (deleted or expired): the findings it covered go back to OPEN
 * (`reopened`), or to another suppression that still covers them (`updated`).
 * @example decideUnsuppression(suppressed, id, undefined, 'Suppression deleted', { actor, at }).transition; // 'reopened'
 */
export function decideUnsuppression(
  stored: StoredFinding,
  suppressionId: string,
  replacement: SuppressionMark | undefined,
  why: string,
  change: Change,
): Decision {
  if (stored.state !== 'SUPPRESSED' || stored.suppressionId !== suppressionId) {
    return { transition: 'unchanged' };
  }
  const { suppressionId: _id, suppressedUntil: _until, ...rest } = stored;
  const version = stored.version + 1;
  if (replacement) {
    const next: StoredFinding = {
      ...rest,
      version,
      suppressionId: replacement.id,
      suppressedUntil: replacement.until,
    };
    const reason = `${why}; ${replacement.reason}`;
    return { transition: 'updated', next, reason, suppressionId: replacement.id, ...change };
  }
  const next: StoredFinding = { ...rest, state: 'OPEN', version, lastChangedAt: change.at };
  return { transition: 'reopened', next, reason: why, suppressionId, ...change };
}
