import type { FindingState } from '@customs/core';
import { workflowStatusOf } from '../asff/index.js';
import type { FindingTransition } from '../transitions/index.js';

type WorkflowStatus = ReturnType<typeof workflowStatusOf>;

/**
 * The workflow status a transition moves its Security Hub finding to, when it moves it: Security
 * Hub takes `Workflow` from a finding's first import only, so each later change of it is a
 * BatchUpdateFindings. None for a first import (the document carries it), nor when the status stays
 * (a reworded open finding), nor for a failure after a pass (Security Hub resets RESOLVED to NEW
 * itself when `Compliance.Status` goes from PASSED to FAILED).
 * @example workflowChangeOf({ kind: 'resolved', previousState: 'OPEN', finding, version: 2 }) // 'RESOLVED'
 */
export function workflowChangeOf(transition: FindingTransition): WorkflowStatus | undefined {
  const previous = transition.previousState;
  if (previous === undefined) return undefined;
  const next = workflowStatusOf(transition.finding);
  const before = workflowStatusOf({
    ...transition.finding,
    state: previous as FindingState,
    stateBeforeError: undefined,
  });
  if (next === before) return undefined;
  const passedBefore = previous === 'RESOLVED' || previous === 'PASSING' || previous === 'NOT_APPLICABLE';
  if (next === 'NEW' && passedBefore && transition.finding.status === 'FAIL') return undefined;
  return next;
}
