import { CustomsError, type CustomsErrorKind, safeText } from '@customs/core';
import {
  type BackoffPolicy,
  backoffDelay,
  type Clock,
  realClock,
  realSleep,
  type Sleep,
} from '../retry/index.js';
import { context, type SlackMessage } from './block-kit.js';
import { Pacer } from './pacer.js';
import { redactWebhookUrl, scrubWebhookUrl } from './webhook-url.js';

/** Posts Block Kit messages to incoming webhooks. */
export interface SlackSender {
  /** Resolves once Slack accepted the message; rejects with a `SlackDeliveryError` otherwise. */
  send(webhookUrl: string, message: SlackMessage): Promise<void>;
}

/**
 * A message Slack did not accept (or whose answer was lost); the message shows the webhook
 * redacted. Its kind follows Slack's answer: 429 throttled, 404 or 410 not found (a webhook
 * removed), 401 or 403 access denied, another 4xx input, else internal.
 */
export class SlackDeliveryError extends CustomsError {
  override name = 'SlackDeliveryError';
  /** Whether a later attempt may succeed (429, 5xx, timeout, network) or not (another 4xx). */
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** On a 429: how long Slack asked to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /**
   * Whether Slack may have posted it all the same: the last attempt's answer was lost (a timeout,
   * a connection closed after the request went out), so sending it again may repeat it.
   */
  readonly mayHavePosted: boolean;
  /**
   * The last attempt's outcome in a few words, without the URL: Slack's answer text when it
   * answered (`no_service`, empty when it said nothing), else why no answer came (`DNS lookup
   * failed for hooks.slack.com (ENOTFOUND)`).
   */
  readonly answer: string;

  constructor(
    message: string,
    retryable: boolean,
    details: { status?: number; retryAfterMs?: number; mayHavePosted?: boolean; answer?: string } = {},
  ) {
    super(kindOfAnswer(details.status), message);
    this.retryable = retryable;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.mayHavePosted = details.mayHavePosted ?? false;
    this.answer = details.answer ?? '';
  }
}

function kindOfAnswer(status: number | undefined): CustomsErrorKind {
  if (status === 429) return 'throttled';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'access-denied';
  return status !== undefined && status >= 400 && status < 500 ? 'input' : 'internal';
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
   * Retries of 5xx, timeouts and network errors; 4 attempts, 0.5 s doubling to 8 s by default, so
   * a failing webhook costs at most about half a minute of a one-minute function.
   */
  retry?: BackoffPolicy;
}

const DEFAULT_RETRY: BackoffPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };
/** The longest `Retry-After` taken as said (a day): a longer or unreadable one would be an error. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/** `Retry-After` in seconds (or an HTTP date), in milliseconds, at most a day; 1 s when absent or unreadable. */
function retryAfterMs(value: string | null, now: number): number {
  if (!value) return 1000;
  const seconds = Number(value);
  const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isNaN(wait) ? 1000 : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, wait));
}

/** The context line a re-sent message carries when an earlier attempt may have been posted. */
export const RESENT_NOTE =
  'Re-sent: the answer to an earlier attempt was lost, so this may repeat a message already posted.';

/**
 * The message with a note that it may be a duplicate (Slack's webhooks take no idempotency key, so
 * a message whose answer was lost is sent again, and says so).
 * @example await sender.send(url, withResentNote(message));
 */
export function withResentNote(message: SlackMessage): SlackMessage {
  if (message.blocks.some((block) => block.type === 'context' && block.elements[0]?.text === RESENT_NOTE))
    return message;
  return { ...message, blocks: [...message.blocks, context(RESENT_NOTE)] };
}

/**
 * A sender that posts to Slack with `fetch`: paced per webhook (one message a second), retrying
 * 5xx, timeouts and network errors with bounded exponential backoff. A `429` fails at once with
 * its `Retry-After` (`retryAfterMs`): the fan-out keeps it as the webhook's hold-off in the outbox,
 * where every sender sees it. Other 4xx answers (invalid_payload, no_service…) fail at once.
 * Delivery is at least once: when an attempt's answer is lost (a timeout, a connection closed
 * after the request went out) Slack may have posted it, and the next attempt, which sends it
 * again, carries a note that it may be a repeat (`withResentNote`). Errors never contain the URL.
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
  const pacer = new Pacer(options.intervalMs ?? 1000, clock, sleep);

  async function send(webhookUrl: string, message: SlackMessage): Promise<void> {
    const shown = redactWebhookUrl(webhookUrl);
    let body = JSON.stringify(message);
    let last: Failure = { text: '', mayHavePosted: false };
    let lost = false;
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
        if (last.mayHavePosted && !lost) {
          lost = true;
          body = JSON.stringify(withResentNote(message));
        }
        if (attempt < retry.maxAttempts) await sleep(backoffDelay(retry, attempt));
        continue;
      }
      const text = safeText(scrubWebhookUrl((await response.text()).slice(0, 200), webhookUrl));
      pacer.done(webhookUrl);
      if (response.ok) return;
      last = {
        text: `HTTP ${response.status}${text ? ` ${text}` : ''}`,
        mayHavePosted: false,
        status: response.status,
        answer: text,
      };
      if (response.status === 429) {
        // Not waited out here: the fan-out keeps it as the webhook's hold-off, for every sender.
        const wait = retryAfterMs(response.headers.get('retry-after'), clock());
        throw new SlackDeliveryError(
          `Slack rate-limited ${shown}: 429 with Retry-After ${Math.ceil(wait / 1000)} s`,
          true,
          { status: 429, retryAfterMs: wait, mayHavePosted: lost, answer: text },
        );
      }
      if (response.status < 500) {
        throw new SlackDeliveryError(`Slack refused the message to ${shown}: ${last.text}`, false, {
          status: response.status,
          mayHavePosted: lost,
          answer: text,
        });
      }
      if (attempt < retry.maxAttempts) await sleep(backoffDelay(retry, attempt));
    }
    throw new SlackDeliveryError(
      `Slack did not accept the message to ${shown} after ${retry.maxAttempts} attempt${retry.maxAttempts === 1 ? '' : 's'}: ${last.text}`,
      true,
      {
        mayHavePosted: lost,
        ...(last.status === undefined ? { answer: last.text } : { status: last.status, answer: last.answer }),
      },
    );
  }
  return { send };
}

interface Failure {
  text: string;
  /** The status Slack answered with, when it answered. */
  status?: number;
  /** Slack's answer text, when it answered. */
  answer?: string;
  /** The request may have reached Slack (no answer, or the connection closed after sending). */
  mayHavePosted: boolean;
}

/** Failures that happen before anything reaches Slack: it cannot have posted the message. */
const NOT_SENT: Record<string, string> = {
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed for now',
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate for another host',
};

/** What went wrong with a request that got no answer: the cause (DNS, refused, lost), never the URL. */
function describeFailure(error: unknown, timeoutMs: number, webhookUrl: string): Failure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { text: `no answer within ${timeoutMs} ms (Slack may have posted it)`, mayHavePosted: true };
  }
  const host = URL.canParse(webhookUrl) ? new URL(webhookUrl).host : 'the webhook';
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const known = code ? NOT_SENT[code] : undefined;
  if (code && known) return { text: `${known} for ${host} (${code})`, mayHavePosted: false };
  const detail = cause?.message ? `: ${String(cause.message)}` : '';
  const text = error instanceof Error ? `${error.name}: ${error.message}${detail}` : String(error);
  const closed = code ? ` (${code})` : '';
  return {
    text: safeText(`${scrubWebhookUrl(text, webhookUrl)}${closed}; Slack may have posted it`, {
      maxLength: 300,
    }),
    mayHavePosted: true,
  };
}
