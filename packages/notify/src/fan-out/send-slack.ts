import type { Clock, Sleep } from '../retry/index.js';
import type { SlackConfig } from '../routing/index.js';
import {
  digestMessage,
  redactWebhookUrl,
  type SlackMessage,
  type SlackSender,
  transitionMessage,
  withResentNote,
} from '../slack/index.js';
import type { OutboxPort, Outgoing, TargetFailure, TargetResult } from './model.js';

/** How the fan-out honours and sets a target's hold-off (the outbox keeps it for every sender). */
export interface HoldPolicy {
  clock: Clock;
  sleep: Sleep;
  /** A hold-off up to this long is waited out in the run; a longer one leaves the rest pending. */
  maxWaitMs: number;
  /** After a failed run (Slack down, a DNS failure…): base × 2^(failed runs in a row − 1), capped. */
  backoff: { baseDelayMs: number; maxDelayMs: number };
}

export interface SlackTarget {
  sender: SlackSender;
  /** The outbox target, `slack:<digest of the webhook URL>`. */
  target: string;
  /** The webhook's URL; undefined when the target's webhook is no longer configured. */
  webhookUrl: string | undefined;
  slack: SlackConfig;
  apiUrl?: string | undefined;
  holds: HoldPolicy;
}

/** One message to post: a transition's, or a digest of several. */
interface Unit {
  items: Outgoing[];
  message: SlackMessage;
  via: 'message' | 'digest';
}

/** `10 s`, `5 min`. */
function seconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

/** At most this many 429s are waited out in one run before the rest is left for the next. */
const MAX_RATE_LIMITS_PER_RUN = 3;

type SendError = Error & { status?: number; retryAfterMs?: number; mayHavePosted?: boolean; answer?: string };

/** Slack refused this message only (400 invalid_payload, 413 too large): the others may still go. */
function isMessageOnly(error: SendError): boolean {
  return error.status === 400 || error.status === 413;
}

function unitsOf(target: SlackTarget, items: readonly Outgoing[]): Unit[] {
  const options = target.apiUrl ? { apiUrl: target.apiUrl } : {};
  if (items.length > target.slack.digestThreshold) {
    const transitions = items.map((item) => item.transition);
    const message = digestMessage(transitions, { ...options, top: target.slack.digestTop });
    return [{ items: [...items], message, via: 'digest' }];
  }
  return items.map((item) => ({
    items: [item],
    message: transitionMessage(item.transition, options),
    via: 'message',
  }));
}

/**
 * Posts one webhook's outgoing deliveries: one digest when there are more than the threshold,
 * else one message each, oldest first. Before each message it reads the webhook's hold-off in the
 * outbox and waits out a short `Retry-After` (up to `maxWaitMs`); a longer one, or a failure's
 * backoff, leaves the rest pending for a later run: nothing is posted to a webhook before its
 * hold-off ends. A 429 sets the hold-off to its
 * `Retry-After` (whatever its length); any other failure than a refused message (Slack down, DNS,
 * a removed webhook) stops the webhook for this run and holds it off with a backoff, so an outage
 * costs one bounded retry sequence per hold-off, not one per message or per invocation. A message
 * whose earlier attempt may have been posted (an answer lost, a sender stopped before marking it)
 * is sent again with a note that it may repeat (at least once: Slack's webhooks take no
 * idempotency key).
 */
export async function sendSlack(
  target: SlackTarget,
  outbox: OutboxPort,
  items: readonly Outgoing[],
): Promise<TargetResult> {
  const result: TargetResult = { delivered: [], pending: [], sent: 0 };
  const { webhookUrl, sender, holds } = target;
  const shown = webhookUrl ? redactWebhookUrl(webhookUrl) : target.target;
  const leave = async (left: readonly Outgoing[], reason: string, options = {}) => {
    if (left.length === 0) return;
    await outbox.release(
      left.map((item) => item.entry),
      reason,
      options,
    );
    result.pending.push(...left.map((outgoing) => ({ outgoing, reason })));
  };
  const { baseDelayMs, maxDelayMs } = holds.backoff;
  const backoff = `with a backoff of ${seconds(baseDelayMs)} doubling to ${seconds(maxDelayMs)} while it fails`;
  type Failed = Omit<TargetFailure, 'target' | 'shown' | 'pending' | 'schedule'> & { rateLimited: boolean };
  const failed = ({ rateLimited, ...failure }: Failed): TargetResult => ({
    ...result,
    failure: {
      target: target.target,
      shown,
      pending: result.pending.length,
      schedule: rateLimited ? "once Slack's Retry-After ends" : backoff,
      ...failure,
    },
  });
  if (webhookUrl === undefined) {
    const cause = 'its Slack webhook is no longer configured';
    await leave(items, cause, { attempted: false });
    return failed({ cause, held: false, rateLimited: false });
  }
  const units = unitsOf(target, items);
  const blocked = new Set<string>();
  const rest = (from: number) => units.slice(from).flatMap((unit) => unit.items);
  let rateLimits = 0;
  for (let index = 0; index < units.length; ) {
    const unit = units[index] as Unit;
    if (unit.items.some((item) => blocked.has(item.entry.findingId))) {
      await leave(unit.items, 'waiting for an earlier version of the same finding', { attempted: false });
      index++;
      continue;
    }
    const hold = await outbox.targetHold(target.target);
    const waitMs = hold ? Date.parse(hold.holdUntil) - holds.clock() : 0;
    // Only a short Retry-After is waited out here; a failure's backoff is never slept through.
    if (hold && waitMs > 0 && (hold.failures > 0 || waitMs > holds.maxWaitMs)) {
      await leave(rest(index), `held off until ${hold.holdUntil}: ${hold.reason}`, { attempted: false });
      return failed({
        cause: hold.reason,
        retryAt: hold.holdUntil,
        held: true,
        rateLimited: hold.failures === 0,
      });
    }
    if (waitMs > 0) await holds.sleep(waitMs);
    const again = unit.items.some((item) => item.mayHaveGoneOut);
    try {
      await sender.send(webhookUrl, again ? withResentNote(unit.message) : unit.message);
    } catch (caught) {
      const error = (caught instanceof Error ? caught : new Error(String(caught))) as SendError;
      const mayHaveGoneOut = error.mayHavePosted === true;
      if (unit.via === 'message' && isMessageOnly(error)) {
        await leave(unit.items, error.message, { mayHaveGoneOut });
        for (const item of unit.items) blocked.add(item.entry.findingId);
        index++;
        continue;
      }
      const rateLimited = error.retryAfterMs !== undefined;
      const failures = rateLimited ? 0 : (hold?.failures ?? 0) + 1;
      const delayMs = rateLimited
        ? (error.retryAfterMs as number)
        : Math.min(holds.backoff.maxDelayMs, holds.backoff.baseDelayMs * 2 ** (failures - 1));
      const reason = rateLimited
        ? `Slack answered 429 with Retry-After: ${Math.ceil(delayMs / 1000)} s`
        : error.message;
      const until = new Date(holds.clock() + delayMs);
      const held = await outbox.holdTarget(target.target, { until, reason, failed: !rateLimited });
      if (rateLimited && delayMs <= holds.maxWaitMs && ++rateLimits <= MAX_RATE_LIMITS_PER_RUN) {
        if (mayHaveGoneOut) for (const item of unit.items) item.mayHaveGoneOut = true;
        continue;
      }
      await leave(unit.items, error.message, { mayHaveGoneOut });
      await leave(rest(index + 1), `not tried: the webhook failed in this run (${error.message})`, {
        attempted: false,
      });
      const retryAt = held?.holdUntil ?? until.toISOString();
      const answered = {
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.answer === undefined ? {} : { answer: error.answer }),
      };
      return failed({ cause: reason, retryAt, held: false, rateLimited, ...answered });
    }
    await outbox.markDelivered(
      unit.items.map((item) => item.entry),
      unit.via,
    );
    // The hold it waited out (or a backoff that ran out) is over: the next run starts afresh.
    if (hold) await outbox.clearTargetHold(target.target);
    result.delivered.push(...unit.items);
    result.sent++;
    index++;
  }
  return result;
}
