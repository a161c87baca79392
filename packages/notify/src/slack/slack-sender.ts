import {
  type BackoffPolicy,
  backoffDelay,
  type Clock,
  realClock,
  realSleep,
  type Sleep,
} from '../retry/index.js';
import type { SlackMessage } from './block-kit.js';
import { Pacer } from './pacer.js';
import { redactWebhookUrl, scrubWebhookUrl } from './webhook-url.js';

/** Posts Block Kit messages to incoming webhooks. */
export interface SlackSender {
  /** Resolves once Slack accepted the message; rejects with a `SlackDeliveryError` otherwise. */
  send(webhookUrl: string, message: SlackMessage): Promise<void>;
}

/** A message Slack did not accept; the message shows the webhook redacted. */
export class SlackDeliveryError extends Error {
  override name = 'SlackDeliveryError';
  /** Whether a later attempt may succeed (429, 5xx, timeout, network) or not (another 4xx). */
  readonly retryable: boolean;
  readonly status: number | undefined;

  constructor(message: string, retryable: boolean, status?: number) {
    super(message);
    this.retryable = retryable;
    this.status = status;
  }
}

export interface HttpSlackSenderOptions {
  fetch?: typeof fetch;
  sleep?: Sleep;
  clock?: Clock;
  /** The pacer's spacing per webhook; 1000 ms by default. */
  intervalMs?: number;
  /** A request that takes longer is abandoned and retried; 5 s by default. */
  timeoutMs?: number;
  /**
   * Retries of 5xx, 429 and timeouts; 4 attempts, 0.5 s doubling to 8 s by default, so a failing
   * webhook costs at most about half a minute of a one-minute function.
   */
  retry?: BackoffPolicy;
  /** A `Retry-After` longer than this fails the attempt (the outbox keeps it); 20 s by default. */
  maxRetryAfterMs?: number;
}

const DEFAULT_RETRY: BackoffPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** `Retry-After` in seconds (or an HTTP date), in milliseconds; 1 s when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number {
  if (!value) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

/**
 * A sender that posts to Slack with `fetch`: paced per webhook (one message a second), honouring
 * `429 Retry-After`, retrying 5xx, timeouts and network errors with bounded exponential backoff.
 * Other 4xx answers (invalid_payload, no_service…) fail at once. Errors never contain the URL.
 * @example
 * const sender = httpSlackSender();
 * await sender.send(process.env.SLACK_WEBHOOK_URL, transitionMessage(transition));
 */
export function httpSlackSender(options: HttpSlackSenderOptions = {}): SlackSender {
  const post = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const clock = options.clock ?? realClock;
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 20_000;
  const pacer = new Pacer(options.intervalMs ?? 1000, clock, sleep);

  async function send(webhookUrl: string, message: SlackMessage): Promise<void> {
    const shown = redactWebhookUrl(webhookUrl);
    const body = JSON.stringify(message);
    let last = '';
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      await pacer.wait(webhookUrl);
      let response: Response;
      try {
        response = await post(webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        pacer.done(webhookUrl);
        last = describeFailure(error, timeoutMs, webhookUrl);
        if (attempt < retry.maxAttempts) await sleep(backoffDelay(retry, attempt));
        continue;
      }
      const text = scrubWebhookUrl((await response.text()).slice(0, 200), webhookUrl);
      pacer.done(webhookUrl);
      if (response.ok) return;
      last = `HTTP ${response.status}${text ? ` ${text}` : ''}`;
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get('retry-after'), clock());
        if (wait > maxRetryAfterMs) {
          throw new SlackDeliveryError(
            `Slack asked ${shown} to wait ${Math.round(wait / 1000)} s (429)`,
            true,
            429,
          );
        }
        pacer.holdOff(webhookUrl, wait);
        continue;
      }
      if (response.status < 500) {
        throw new SlackDeliveryError(
          `Slack refused the message to ${shown}: ${last}`,
          false,
          response.status,
        );
      }
      if (attempt < retry.maxAttempts) await sleep(backoffDelay(retry, attempt));
    }
    throw new SlackDeliveryError(
      `Slack did not accept the message to ${shown} after ${retry.maxAttempts} attempts: ${last}`,
      true,
    );
  }
  return { send };
}

function describeFailure(error: unknown, timeoutMs: number, webhookUrl: string): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const text = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
  return scrubWebhookUrl(text, webhookUrl);
}
