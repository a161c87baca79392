/**
 * Where a finding is in its life, in the order of the store's README:
 * - `OPEN`: failing now;
 * - `RESOLVED`: failed once, now passes, is not applicable, or its resource was deleted;
 * - `PASSING` / `NOT_APPLICABLE`: never seen failing;
 * - `SUPPRESSED`: failing now, but an active suppression covers it (still evaluated and listed,
 *   not notified); back to `OPEN` when the suppression expires or is deleted;
 * - `ERROR`: the check could not run; the state before the error is kept (`stateBeforeError`)
 *   and decides what the next verdict means (an open failure stays open through errors).
 */
export const FINDING_STATES = [
  'OPEN',
  'SUPPRESSED',
  'RESOLVED',
  'PASSING',
  'NOT_APPLICABLE',
  'ERROR',
] as const;

/** A finding's lifecycle state (FINDING_STATES). */
export type FindingState = (typeof FINDING_STATES)[number];

/** A state a verdict continues from: any but ERROR, which is seen through. */
export type BaseState = Exclude<FindingState, 'ERROR'>;

/** What the lifecycle reads of a finding: its state and, while ERROR, the state before it. */
export interface LifecyclePosition {
  state: FindingState;
  stateBeforeError?: BaseState;
}

/**
 * The state a verdict continues from: through an ERROR, the state before it (none when the first
 * verdict was an error); none for a finding never stored.
 * @example baseStateOf({ state: 'ERROR', stateBeforeError: 'OPEN' }) // 'OPEN'
 */
export function baseStateOf(position: LifecyclePosition | undefined): BaseState | undefined {
  if (!position) return undefined;
  return position.state === 'ERROR' ? position.stateBeforeError : position.state;
}

/**
 * OPEN or SUPPRESSED: failing now.
 * @example isFailing('SUPPRESSED') // true
 */
export function isFailing(state: FindingState | undefined): boolean {
  return state === 'OPEN' || state === 'SUPPRESSED';
}
