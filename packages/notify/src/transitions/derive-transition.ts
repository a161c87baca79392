import type { FindingTransition, NotifiedFinding, NotifiedState } from './model.js';

/** The state a verdict continues from: through an ERROR, the one before it. */
function baseState(finding: NotifiedFinding | undefined): NotifiedState | undefined {
  if (!finding) return undefined;
  return finding.state === 'ERROR' ? finding.stateBeforeError : finding.state;
}

/**
 * What a change of a finding item means to its watchers, or nothing: `opened` and `reopened`
 * (entering OPEN; `reopened` after RESOLVED or SUPPRESSED), `resolved` (OPEN or SUPPRESSED to
 * RESOLVED, as the store words it),
 * `suppressed` (entering SUPPRESSED), `severity-changed` (open before and after, another
 * severity). An ERROR is seen through: the state before it decides.
 * @example deriveTransition(undefined, openFinding)?.kind; // 'opened'
 */
export function deriveTransition(
  before: NotifiedFinding | undefined,
  after: NotifiedFinding,
): FindingTransition | undefined {
  const was = baseState(before);
  const now = baseState(after);
  const change = { finding: after, version: after.version };
  const previous = before ? { previousState: before.state } : {};
  if (now === 'SUPPRESSED' && was !== 'SUPPRESSED') return { kind: 'suppressed', ...change, ...previous };
  if (now === 'OPEN' && was !== 'OPEN') {
    const kind = was === 'RESOLVED' || was === 'SUPPRESSED' ? 'reopened' : 'opened';
    return { kind, ...change, ...previous };
  }
  if (now === 'RESOLVED' && (was === 'OPEN' || was === 'SUPPRESSED')) {
    return { kind: 'resolved', ...change, ...previous };
  }
  if (now === 'OPEN' && was === 'OPEN' && before && before.severity !== after.severity) {
    return { kind: 'severity-changed', ...change, ...previous, previousSeverity: before.severity };
  }
  return undefined;
}
