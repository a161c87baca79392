import type { SlackConfig } from '../routing/index.js';
import { digestMessage, type SlackSender, transitionMessage } from '../slack/index.js';
import type { OutboxPort, Outgoing, TargetResult } from './model.js';

export interface SlackTarget {
  sender: SlackSender;
  /** The webhook's URL; undefined when the target's webhook is no longer configured. */
  webhookUrl: string | undefined;
  slack: SlackConfig;
  apiUrl?: string | undefined;
}

/** Slack refused this message only (400 invalid_payload, 413 too large): the others may still go. */
function isMessageOnly(error: unknown): boolean {
  const status = (error as { status?: number } | undefined)?.status;
  return status === 400 || status === 413;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Posts one webhook's outgoing deliveries: one digest when there are more than the threshold,
 * else one message each, oldest first. A finding whose message failed sends none of its later
 * ones; any other failure than a refused message (Slack down, 429 beyond the wait allowed, a
 * removed webhook) stops this webhook for this run, so an outage costs one bounded retry sequence,
 * not one per message.
 */
export async function sendSlack(
  target: SlackTarget,
  outbox: OutboxPort,
  items: readonly Outgoing[],
): Promise<TargetResult> {
  const result: TargetResult = { delivered: [], pending: [], sent: 0 };
  const leave = async (left: readonly Outgoing[], reason: string) => {
    if (left.length === 0) return;
    await outbox.release(
      left.map((item) => item.entry),
      reason,
    );
    result.pending.push(...left.map((outgoing) => ({ outgoing, reason })));
  };
  const { webhookUrl, sender, slack } = target;
  if (webhookUrl === undefined) {
    await leave(items, 'its Slack webhook is no longer configured');
    return result;
  }
  const options = target.apiUrl ? { apiUrl: target.apiUrl } : {};
  if (items.length > slack.digestThreshold) {
    try {
      await sender.send(
        webhookUrl,
        digestMessage(
          items.map((item) => item.transition),
          { ...options, top: slack.digestTop },
        ),
      );
    } catch (error) {
      await leave(items, reasonOf(error));
      return result;
    }
    await outbox.markDelivered(
      items.map((item) => item.entry),
      'digest',
    );
    return { ...result, delivered: [...items], sent: 1 };
  }
  const blocked = new Set<string>();
  for (const [position, item] of items.entries()) {
    if (blocked.has(item.entry.findingId)) {
      await leave([item], 'waiting for an earlier version of the same finding');
      continue;
    }
    try {
      await sender.send(webhookUrl, transitionMessage(item.transition, options));
    } catch (error) {
      await leave([item], reasonOf(error));
      blocked.add(item.entry.findingId);
      if (!isMessageOnly(error)) {
        await leave(
          items.slice(position + 1),
          `not tried: the webhook failed in this run (${reasonOf(error)})`,
        );
        return result;
      }
      continue;
    }
    await outbox.markDelivered([item.entry], 'message');
    result.delivered.push(item);
    result.sent++;
  }
  return result;
}
