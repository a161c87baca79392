import { safeText } from '@customs/core';
import type { TargetFailure } from './model.js';

/** What the target did, first: `Slack answered 500 (oops) at …`, `Slack failed at …: DNS lookup failed …`. */
function whatFailed(failure: TargetFailure): string {
  if (!failure.target.startsWith('slack:'))
    return `EventBridge ${failure.shown}: not delivered: ${failure.cause}`;
  if (failure.status !== undefined) {
    const said = failure.answer ? ` (${failure.answer})` : '';
    return `Slack answered ${failure.status}${said} at ${failure.shown}`;
  }
  return `Slack failed at ${failure.shown}: ${failure.answer || failure.cause}`;
}

/**
 * One line for a person about a target that failed in a run: what it answered (or why no answer
 * came), where (redacted), how many deliveries wait, when the next try goes out and the schedule
 * after it. The webhook's secret path never shows.
 * @example targetFailureLine(report.failing[0], Date.now());
 * // 'Slack answered 500 at https://hooks.slack.com/services/T…/…; 3 deliveries pending, next try in 10 s
 * //  (at 2026-12-01T14:00:10.000Z); retried with a backoff of 10 s doubling to 5 min while it fails'
 */
export function targetFailureLine(failure: TargetFailure, nowMs: number): string {
  const pending = `${failure.pending} deliver${failure.pending === 1 ? 'y' : 'ies'} pending`;
  const retryMs = failure.retryAt ? Date.parse(failure.retryAt) - nowMs : 0;
  const next =
    retryMs > 0
      ? `next try in ${Math.ceil(retryMs / 1000)} s (at ${failure.retryAt})`
      : 'next try with the next run';
  return safeText(`${whatFailed(failure)}; ${pending}, ${next}; retried ${failure.schedule}`, {
    maxLength: 600,
  });
}
