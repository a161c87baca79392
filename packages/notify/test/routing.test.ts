import { describe, expect, it } from 'vitest';
import { parseNotifyConfig, slackWebhookFor } from '../src/index.js';
import { transition } from './helpers/transitions.js';

const DEFAULT = 'https://hooks.slack.com/services/T0/B0/default';
const CRITICAL = 'https://hooks.slack.com/services/T0/B1/critical';
const IMAGES = 'https://hooks.slack.com/services/T0/B2/images';

describe('routing transitions to webhooks', () => {
  const config = parseNotifyConfig({
    slack: {
      webhookUrl: DEFAULT,
      routes: [
        { severity: 'critical', webhookUrl: CRITICAL },
        { recommendation: 'CSA-3', webhookUrl: IMAGES },
      ],
    },
  });

  it('posts high and above by default; the first matching route wins over the default webhook', () => {
    expect(slackWebhookFor(transition('opened', { severity: 'medium' }), config.slack)).toBeUndefined();
    expect(slackWebhookFor(transition('opened', { severity: 'critical' }), config.slack)).toBe(CRITICAL);
    expect(slackWebhookFor(transition('opened', { severity: 'high' }), config.slack)).toBe(IMAGES);
    expect(
      slackWebhookFor(transition('opened', { severity: 'high', recommendation: 'CSA-4' }), config.slack),
    ).toBe(DEFAULT);
  });

  it('keeps resolved messages quiet when asked, and routes a severity change by the more severe side', () => {
    const quiet = parseNotifyConfig({ slack: { webhookUrl: DEFAULT, quietResolved: true } });
    expect(slackWebhookFor(transition('resolved'), quiet.slack)).toBeUndefined();
    expect(slackWebhookFor(transition('resolved'), config.slack)).toBe(IMAGES);
    const lowered = {
      ...transition('severity-changed', { severity: 'low' }),
      previousSeverity: 'critical' as const,
    };
    expect(slackWebhookFor(lowered, config.slack)).toBe(CRITICAL);
  });

  it('raises an image finding to its severity channel only while its image runs, when asked', () => {
    // Prepare
    const inUseOnly = parseNotifyConfig({
      slack: {
        webhookUrl: DEFAULT,
        imageSeverityRoutesInUseOnly: true,
        routes: [{ severity: 'critical', webhookUrl: CRITICAL }],
      },
    });
    const image = (running: number) =>
      transition('opened', {
        severity: 'critical',
        resourceType: 'ecr-image',
        inUse: { running, where: running > 0 ? ['payments/payments-api'] : [] },
      });
    // Act / Assess
    expect(slackWebhookFor(image(3), inUseOnly.slack)).toBe(CRITICAL);
    expect(slackWebhookFor(image(0), inUseOnly.slack)).toBe(DEFAULT);
    expect(slackWebhookFor(transition('opened', { severity: 'critical' }), inUseOnly.slack)).toBe(CRITICAL);
    expect(slackWebhookFor(image(0), config.slack)).toBe(CRITICAL);
  });

  it('refuses a route that names neither a recommendation nor a severity', () => {
    expect(() => parseNotifyConfig({ slack: { routes: [{ webhookUrl: DEFAULT }] } })).toThrow(
      /slack\.routes\.0: a route names a recommendation, a severity or both/,
    );
  });
});
