import { safeText } from '@customs/core';
import type { TargetFailure } from './model.js';

/**
 * One line for a person about a target that failed in a run: where (redacted), what failed (DNS,
 * the status code, Slack's 429), how many deliveries wait and when the next try may go out.
 * @example targetFailureLine(report.failing[0], Date.now());
 * // 'Slack https://hooks.slack.com/services/T…/…: not delivered: … DNS lookup failed for hooks.slack.com (ENOTFOUND);
 * //  2 deliveries pending, next try in 10 s (at …); retried with a backoff of 10 s doubling to 5 min while it fails'
 */
export function targetFailureLine(failure: TargetFailure, nowMs: number): string {
  const kind = failure.target.startsWith('slack:') ? 'Slack' : 'EventBridge';
  const pending = `${failure.pending} deliver${failure.pending === 1 ? 'y' : 'ies'} pending`;
  const retryMs = failure.retryAt ? Date.parse(failure.retryAt) - nowMs : 0;
  const next =
    retryMs > 0
      ? `next try in ${Math.ceil(retryMs / 1000)} s (at ${failure.retryAt})`
      : 'next try with the next run';
  return safeText(
    `${kind} ${failure.shown}: not delivered: ${failure.cause}; ${pending}, ${next}; retried ${failure.schedule}`,
    {
      maxLength: 600,
    },
  );
}
