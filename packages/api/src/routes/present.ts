import type { StoredFinding } from '@customs/store';

/**
 * A stored finding as the API shows it at `now`: one still SUPPRESSED by a suppression that has
 * expired is shown OPEN (the next evaluation or `expire` stores it so; this never waits for it).
 * @example presentFinding(stored, new Date());
 */
export function presentFinding(finding: StoredFinding, now: Date): StoredFinding {
  if (finding.state !== 'SUPPRESSED' || finding.suppressedUntil === undefined) return finding;
  if (Date.parse(finding.suppressedUntil) > now.getTime()) return finding;
  const { suppressionId: _id, suppressedUntil: _until, ...rest } = finding;
  return { ...rest, state: 'OPEN' };
}
