import { ConfigError } from '@customs/core';
import { describe, expect, it } from 'vitest';
import {
  assertWebhookUrl,
  notifyConfigFromEnv,
  redactWebhookUrl,
  scrubWebhookUrl,
  WebhookUrlError,
} from '../src/index.js';

const SECRET = 'https://hooks.slack.com/services/T024BE7LD/B0CUSTOMS/xoxbS3cr3tPathValue';

describe('webhook URLs', () => {
  it('accepts https on hooks.slack.com, and http or https on loopback for tests', () => {
    for (const url of [
      SECRET,
      'http://127.0.0.1:8123/services/T/B/X',
      'http://[::1]:8123/hook',
      'http://localhost:9000/hook',
    ]) {
      expect(() => assertWebhookUrl(url)).not.toThrow();
    }
  });

  it('refuses plain http, other hosts and non-URLs at start-up with a clear message that hides the secret path', () => {
    const cases: [string, RegExp][] = [
      ['http://hooks.slack.com/services/T024BE7LD/B0CUSTOMS/xoxbS3cr3tPathValue', /must use https/],
      [
        'https://hooks.slack.com.evil.example/services/T024BE7LD/B0/xoxbS3cr3tPathValue',
        /host must be hooks\.slack\.com/,
      ],
      ['https://example.com/services/T024BE7LD/B0/xoxbS3cr3tPathValue', /is not a Slack incoming webhook/],
      ['hooks.slack.com/services/T024BE7LD/B0/xoxbS3cr3tPathValue', /is not a URL/],
    ];
    for (const [url, reason] of cases) {
      const error = (() => {
        try {
          assertWebhookUrl(url, 'SLACK_WEBHOOK_URL');
        } catch (caught) {
          return caught as Error;
        }
      })();
      expect(error).toBeInstanceOf(WebhookUrlError);
      expect(error?.message).toMatch(/^SLACK_WEBHOOK_URL/);
      expect(error?.message).toMatch(reason);
      expect(error?.message).not.toContain('xoxbS3cr3tPathValue');
    }
  });

  it('refuses a bad SLACK_WEBHOOK_URL or route when the configuration is read from the environment', () => {
    expect(() =>
      notifyConfigFromEnv({ SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T/B/xoxbS3cr3t' }),
    ).toThrow(/^SLACK_WEBHOOK_URL \(http:\/\/hooks\.slack\.com\/services\/T…\/…\) must use https/);
    const routes = JSON.stringify({
      slack: { routes: [{ severity: 'critical', webhookUrl: 'https://example.com/x' }] },
    });
    expect(() => notifyConfigFromEnv({ CUSTOMS_NOTIFY_CONFIG: routes })).toThrow(
      /slack\.routes\.0\.webhookUrl/,
    );
    const config = notifyConfigFromEnv({ SLACK_WEBHOOK_URL: SECRET, CUSTOMS_BUS_NAME: 'default' });
    expect(config.slack).toMatchObject({ webhookUrl: SECRET, minSeverity: 'high', quietResolved: false });
    expect(config.eventBridge.busName).toBe('default');
  });

  it('names CUSTOMS_NOTIFY_CONFIG when it is not JSON, as an input error that does not echo the value', () => {
    const broken = `{"slack": {"webhookUrl": "${SECRET}"`;
    const error = (() => {
      try {
        notifyConfigFromEnv({ CUSTOMS_NOTIFY_CONFIG: broken });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.kind).toBe('input');
    expect(error?.message).toBe('CUSTOMS_NOTIFY_CONFIG is not valid JSON');
  });

  it('redacts a webhook to its host, and scrubs it out of any text', () => {
    expect(redactWebhookUrl(SECRET)).toBe('https://hooks.slack.com/services/T…/…');
    const text = `request to ${SECRET} failed; path /services/T024BE7LD/B0CUSTOMS/xoxbS3cr3tPathValue`;
    const scrubbed = scrubWebhookUrl(text, SECRET);
    expect(scrubbed).not.toContain('xoxbS3cr3tPathValue');
    expect(scrubbed).toContain('https://hooks.slack.com/services/T…/…');
  });
});
