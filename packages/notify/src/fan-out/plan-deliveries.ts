import type { OutboxDelivery } from '@customs/store';
import type { FindingEventPublisher } from '../eventbridge/index.js';
import { type NotifyConfig, slackWebhookFor } from '../routing/index.js';
import { webhookTarget } from '../slack/index.js';
import type { FindingTransition } from '../transitions/index.js';

/**
 * The deliveries of some transitions: one per target each goes to (its Slack webhook, when the
 * routing sends it to one; EventBridge and Security Hub, when their publishers are configured). The payload is the
 * transition, so a retry needs no stream record; it never holds a webhook URL.
 * @example planDeliveries(transitions, config, true, [events]); // [{ findingId, version, target: 'slack:…', payload }]
 */
export function planDeliveries(
  transitions: readonly FindingTransition[],
  config: NotifyConfig,
  slack: boolean,
  publishers: readonly FindingEventPublisher[],
): OutboxDelivery[] {
  return transitions.flatMap(function deliveriesOf(transition) {
    const base = { findingId: transition.finding.id, version: transition.version, payload: { transition } };
    const webhook = slack ? slackWebhookFor(transition, config.slack) : undefined;
    return [
      ...(webhook ? [{ ...base, target: webhookTarget(webhook) }] : []),
      ...publishers.map((publisher) => ({ ...base, target: publisher.target })),
    ];
  });
}

/** Every configured webhook by its outbox target, to find the URL of a pending delivery. */
export function webhooksByTarget(config: NotifyConfig): Map<string, string> {
  const urls = [config.slack.webhookUrl, ...config.slack.routes.map((route) => route.webhookUrl)];
  return new Map(urls.flatMap((url) => (url ? [[webhookTarget(url), url] as const] : [])));
}
