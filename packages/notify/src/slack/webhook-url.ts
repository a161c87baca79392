import { createHash } from 'node:crypto';
import { ConfigError } from '@customs/core';

/**
 * A webhook URL that Customs refuses to post to (a configuration error); the message never holds
 * the URL's secret path.
 */
export class WebhookUrlError extends ConfigError {
  override name = 'WebhookUrlError';
}

const SLACK_HOST = 'hooks.slack.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The URL with its secret path removed, for logs and errors: `https://hooks.slack.com/services/T…/…`.
 * @example redactWebhookUrl('https://hooks.slack.com/services/T000/B000/XXXX'); // 'https://hooks.slack.com/services/T…/…'
 */
export function redactWebhookUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed) return '(not a URL)';
  const path = parsed.pathname.startsWith('/services/') ? '/services/T…/…' : '/…';
  return `${parsed.protocol}//${parsed.host}${path}`;
}

/**
 * Replaces every occurrence of the URL (and of its path) in a text by its redacted form.
 * @example scrubWebhookUrl(`fetch ${url} failed`, url); // 'fetch https://hooks.slack.com/services/T…/… failed'
 */
export function scrubWebhookUrl(text: string, url: string): string {
  const parsed = parse(url);
  let scrubbed = text.split(url).join(redactWebhookUrl(url));
  if (parsed && parsed.pathname.length > 1) scrubbed = scrubbed.split(parsed.pathname).join('/…');
  return scrubbed;
}

/**
 * Checks a Slack incoming webhook URL at start-up: https on hooks.slack.com, or (for tests and
 * local runs) http or https on loopback (127.0.0.1, ::1, localhost). Throws a `WebhookUrlError`
 * that says what is wrong and shows the URL redacted.
 * @example assertWebhookUrl(process.env.SLACK_WEBHOOK_URL ?? '', 'SLACK_WEBHOOK_URL');
 */
export function assertWebhookUrl(url: string, name = 'the Slack webhook URL'): void {
  const parsed = parse(url);
  if (!parsed) throw new WebhookUrlError(`${name} is not a URL: expected https://hooks.slack.com/services/…`);
  const shown = redactWebhookUrl(url);
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.username || parsed.password) {
    throw new WebhookUrlError(`${name} (${shown}) must not carry credentials before the host`);
  }
  if (!loopback && parsed.hostname !== SLACK_HOST) {
    throw new WebhookUrlError(
      `${name} (${shown}) is not a Slack incoming webhook: its host must be ${SLACK_HOST} (or 127.0.0.1, ::1, localhost for tests)`,
    );
  }
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) {
    throw new WebhookUrlError(
      `${name} (${shown}) must use https: plain ${parsed.protocol.replace(':', '')} is allowed on loopback only`,
    );
  }
}

/**
 * The outbox target of a webhook: `slack:` and a digest of the URL, so that the target names
 * the webhook without revealing it.
 * @example webhookTarget('https://hooks.slack.com/services/T000/B000/XXXX'); // 'slack:6d1f0c2a9b3e'
 */
export function webhookTarget(url: string): string {
  return `slack:${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}
