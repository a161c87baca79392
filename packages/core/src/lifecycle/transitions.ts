import type { Status } from '../types/common.js';
import {
  type BaseState,
  baseStateOf,
  type FindingState,
  isFailing,
  type LifecyclePosition,
} from './states.js';

/**
 * What one change does to a stored finding, in the store's words:
 * `opened` (first failure), `reopened` (failing after RESOLVED, or after its suppression ended),
 * `suppressed` (failing, covered by a suppression), `resolved` (a failure passes, is not
 * applicable or its resource was deleted), `created` (first stored, not failing), `errored` (the
 * check could not run), `updated` (same lifecycle, new status, message or suppression), `removed`
 * (the resource of a finding that was not failing was deleted), `unchanged` (nothing to write) and
 * `stale` (older than what is stored; ignored). The last two are never written.
 */
export const TRANSITIONS = [
  'opened',
  'reopened',
  'suppressed',
  'resolved',
  'created',
  'errored',
  'updated',
  'removed',
  'unchanged',
  'stale',
] as const;

/** A transition (TRANSITIONS). */
export type Transition = (typeof TRANSITIONS)[number];

/**
 * The transitions that change whether a finding fails (or is covered while it fails): what
 * `customs replay` reports as such (DESIGN.md: `opened`, `resolved`, `reopened`, `suppressed`);
 * every other transition is, to replay, `unchanged`.
 */
export const LIFECYCLE_CHANGES = [
  'opened',
  'resolved',
  'reopened',
  'suppressed',
] as const satisfies readonly Transition[];

/** A transition of LIFECYCLE_CHANGES. */
export type LifecycleChange = (typeof LIFECYCLE_CHANGES)[number];

/**
 * Is the transition one that changes whether the finding fails?
 * @example isLifecycleChange('updated') // false
 */
export function isLifecycleChange(transition: Transition): transition is LifecycleChange {
  return (LIFECYCLE_CHANGES as readonly Transition[]).includes(transition);
}

/**
 * The state machine: where a verdict takes a finding, and the transition's name. `suppressed`
 * says that an active suppression covers the finding (it only matters for a FAIL). Through an
 * ERROR, the state before it decides.
 * @example nextLifecycle({ state: 'RESOLVED' }, 'FAIL', false) // { state: 'OPEN', transition: 'reopened' }
 */
export function nextLifecycle(
  stored: LifecyclePosition | undefined,
  status: Status,
  suppressed: boolean,
): { state: FindingState; transition: Transition } {
  const base: BaseState | undefined = baseStateOf(stored);
  if (status === 'ERROR') {
    return { state: 'ERROR', transition: stored?.state === 'ERROR' ? 'updated' : 'errored' };
  }
  if (status === 'FAIL' && suppressed) {
    return { state: 'SUPPRESSED', transition: base === 'SUPPRESSED' ? 'updated' : 'suppressed' };
  }
  if (status === 'FAIL') {
    if (base === 'OPEN') return { state: 'OPEN', transition: 'updated' };
    const again = base === 'RESOLVED' || base === 'SUPPRESSED';
    return { state: 'OPEN', transition: again ? 'reopened' : 'opened' };
  }
  if (isFailing(base)) return { state: 'RESOLVED', transition: 'resolved' };
  if (base === 'RESOLVED') return { state: 'RESOLVED', transition: 'updated' };
  const state = status === 'PASS' ? 'PASSING' : 'NOT_APPLICABLE';
  return { state, transition: stored ? 'updated' : 'created' };
}
