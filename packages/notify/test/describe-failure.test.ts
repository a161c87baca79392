import { describe, expect, it } from 'vitest';
import { type TargetFailure, targetFailureLine } from '../src/index.js';

const NOW = Date.parse('2026-12-01T14:00:00.000Z');
const SHOWN = 'https://hooks.slack.com/services/T…/…';

function failure(overrides: Partial<TargetFailure>): TargetFailure {
  return {
    target: 'slack:3f2a9c1d0b4e',
    shown: SHOWN,
    cause:
      'Slack did not accept the message to https://hooks.slack.com/services/T…/… after 1 attempt: HTTP 500',
    pending: 3,
    retryAt: '2026-12-01T14:00:30.000Z',
    held: false,
    schedule: 'with a backoff of 10 s doubling to 5 min while it fails',
    ...overrides,
  };
}

describe('targetFailureLine', () => {
  it('says what Slack answered first, then what waits and when the next try goes out', () => {
    // Act
    const line = targetFailureLine(failure({ status: 500, answer: '' }), NOW);
    // Assess
    expect(line).toBe(
      `Slack answered 500 at ${SHOWN}; 3 deliveries pending, next try in 30 s (at 2026-12-01T14:00:30.000Z); retried with a backoff of 10 s doubling to 5 min while it fails`,
    );
  });

  it("keeps Slack's answer text, escaped, and a 429's schedule", () => {
    const line = targetFailureLine(
      failure({
        status: 429,
        answer: 'rate_limited\u001b[31m',
        pending: 1,
        schedule: "once Slack's Retry-After ends",
      }),
      NOW,
    );
    expect(line).toBe(
      `Slack answered 429 (rate_limited\\u001b[31m) at ${SHOWN}; 1 delivery pending, next try in 30 s (at 2026-12-01T14:00:30.000Z); retried once Slack's Retry-After ends`,
    );
  });

  it('names why no answer came when Slack was not reached, and a target held off with its cause', () => {
    const dns = failure({ answer: 'DNS lookup failed for hooks.slack.com (ENOTFOUND)' });
    const held = failure({ held: true, retryAt: undefined, cause: 'HTTP 503' });
    expect(targetFailureLine(dns, NOW)).toMatch(
      /^Slack failed at https:\/\/hooks\.slack\.com\/services\/T…\/…: DNS lookup failed for hooks\.slack\.com \(ENOTFOUND\); 3 deliveries pending, next try in 30 s/,
    );
    expect(targetFailureLine(held, NOW)).toMatch(
      /^Slack failed at https:\/\/hooks\.slack\.com\/services\/T…\/…: HTTP 503; 3 deliveries pending, next try with the next run;/,
    );
  });

  it('says an EventBridge bus was not delivered to, with its cause', () => {
    const line = targetFailureLine(
      failure({
        target: 'eventbridge:default',
        shown: 'default',
        cause: 'InternalFailure: Internal service error',
      }),
      NOW,
    );
    expect(line).toMatch(
      /^EventBridge default: not delivered: InternalFailure: Internal service error; 3 deliveries/,
    );
  });
});
