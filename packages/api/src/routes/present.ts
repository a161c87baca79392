import { withGuidance } from '@customs/core';
import type { StoredFinding } from '@customs/store';

/**
 * A stored finding as the API shows it at `now`, with its check's title, rationale and
 * remediation (what to do about it, as `GET /checks` has it): one still SUPPRESSED by a
 * suppression that has expired is shown OPEN (the next evaluation or `expire` stores it so; this
 * never waits for it).
 * @example presentFinding(stored, new Date()).remediation?.cli;
 */
export function presentFinding(finding: StoredFinding, now: Date) {
  return withGuidance(shownState(finding, now));
}

function shownState(finding: StoredFinding, now: Date): StoredFinding {
  if (finding.state !== 'SUPPRESSED' || finding.suppressedUntil === undefined) return finding;
  if (Date.parse(finding.suppressedUntil) > now.getTime()) return finding;
  const { suppressionId: _id, suppressedUntil: _until, ...rest } = finding;
  return { ...rest, state: 'OPEN' };
}
