import type { ClaimResult } from '@customs/store';
import type { FindingEventPublisher } from '../eventbridge/index.js';
import { type Clock, realClock, realSleep, type Sleep } from '../retry/index.js';
import type { NotifyConfig } from '../routing/index.js';
import type { SlackSender } from '../slack/index.js';
import type { FindingTransition } from '../transitions/index.js';
import { claimReleased, DEFAULT_SWEEP_HOLD_MS, holdSweepDeliveries, runsToRelease } from './hold-sweeps.js';
import {
  byAge,
  type FanOutReport,
  type OutboxPort,
  type Outgoing,
  type TargetResult,
  transitionKey,
} from './model.js';
import { planDeliveries, webhooksByTarget } from './plan-deliveries.js';
import { sendEvents } from './send-events.js';
import { type HoldPolicy, sendSlack } from './send-slack.js';

export interface FanOutDependencies {
  outbox: OutboxPort;
  config: NotifyConfig;
  /** Posts (or prints) Slack messages; no Slack when absent. */
  slack?: SlackSender;
  /** Puts "Customs Finding Changed" events; no EventBridge when absent. */
  events?: FindingEventPublisher;
  /** Imports the findings into Security Hub (`securityHubPublisher`); opt-in, none when absent. */
  securityHub?: FindingEventPublisher;
  /** The time, in epoch milliseconds, hold-offs are compared with; `Date.now` by default. */
  clock?: Clock;
  /** Waits out a short `Retry-After`; injectable for tests. */
  sleep?: Sleep;
  /**
   * A webhook's `429 Retry-After` up to this long is waited out within the run; a longer one (or a
   * failure's backoff) leaves its deliveries pending for a later run (the next batch, the outbox
   * retry schedule). 20 s by default.
   */
  maxHoldWaitMs?: number;
  /** The hold-off after a webhook's failed run: 10 s doubling per failed run in a row, up to 5 minutes. */
  failureBackoff?: HoldPolicy['backoff'];
  /**
   * A sweep run's Slack messages are held for its end marker at most this long after it started
   * (a sweep that stopped before its end), then sent anyway; 30 minutes by default.
   */
  sweepHoldMaxMs?: number;
}

const DEFAULT_BACKOFF: HoldPolicy['backoff'] = { baseDelayMs: 10_000, maxDelayMs: 300_000 };

export interface DeliverOptions {
  /**
   * Also retry what the outbox holds pending (oldest first, up to `pendingLimit`), and send what
   * it holds for sweep runs that have ended; true by default.
   */
  retryPending?: boolean;
  pendingLimit?: number;
  /** Sweep runs whose end marker the batch carries (`sweepRunsEndedIn`): their held messages go out. */
  endedRuns?: readonly string[];
}

/**
 * Fans finding transitions out to Slack and EventBridge through the outbox: each delivery goes
 * out at least once, and again only when its outcome was unknown (Slack's answer lost, a sender
 * stopped between Slack's 200 and the delivered marker), a re-send that says it may repeat.
 */
export interface FanOut {
  /**
   * Claims each transition's deliveries in the outbox, sends what nobody sent before (with what
   * is still pending, in version order per finding), marks it delivered, and leaves what failed
   * pending. A sweep transition's Slack message is held instead, and goes out with its run's other
   * messages, one digest per webhook, once the run has ended (docs/DESIGN.md, "Fan-out of a sweep").
   */
  deliver(transitions: readonly FindingTransition[], options?: DeliverOptions): Promise<FanOutReport>;
  /** Sends what the outbox holds pending (a poll with no new transitions). */
  retryPending(options?: { limit?: number }): Promise<FanOutReport>;
}

/**
 * Builds the fan-out.
 * @example
 * const fanOut = createFanOut({ outbox, config, slack: httpSlackSender(), events });
 * const report = await fanOut.deliver(transitionsFromStreamRecords(event.Records));
 */
export function createFanOut(dependencies: FanOutDependencies): FanOut {
  const { outbox, config, slack, events, securityHub } = dependencies;
  const publishers = new Map(
    [events, securityHub].flatMap((publisher) => (publisher ? [[publisher.target, publisher] as const] : [])),
  );
  const webhooks = webhooksByTarget(config);
  const holds: HoldPolicy = {
    clock: dependencies.clock ?? realClock,
    sleep: dependencies.sleep ?? realSleep,
    maxWaitMs: dependencies.maxHoldWaitMs ?? 20_000,
    backoff: dependencies.failureBackoff ?? DEFAULT_BACKOFF,
  };

  function transitionOf(entry: Outgoing['entry']): FindingTransition {
    return (entry.payload as { transition: FindingTransition }).transition;
  }

  async function run(
    fresh: readonly FindingTransition[],
    pendingLimit: number,
    endedRuns: readonly string[] = [],
  ): Promise<FanOutReport> {
    const report: FanOutReport = {
      delivered: 0,
      alreadyDelivered: 0,
      busy: 0,
      held: 0,
      pending: [],
      slackMessages: 0,
      events: 0,
      securityHubFindings: 0,
      unfinished: new Set(),
      failing: [],
    };
    const outgoing = new Map<string, Outgoing>();
    const take = (claims: ClaimResult[]) => {
      for (const { entry, outcome, takenOver } of claims) {
        if (outcome === 'delivered') report.alreadyDelivered++;
        else if (outcome === 'busy') report.busy++;
        else {
          const mayHaveGoneOut = takenOver === true || entry.mayHaveGoneOut === true;
          outgoing.set(entry.key, { entry, transition: transitionOf(entry), mayHaveGoneOut });
        }
      }
    };
    if (pendingLimit > 0) {
      const { items } = await outbox.listPending({ limit: pendingLimit });
      take(await outbox.claimPending(items));
    }
    const planned = planDeliveries(fresh, config, slack !== undefined, [...publishers.values()]);
    const held = await holdSweepDeliveries(outbox, planned);
    report.held = held.held;
    report.alreadyDelivered += held.alreadyDelivered;
    take(await outbox.claim(held.now));
    const candidates = { ended: endedRuns, held: held.runs, scanHeld: pendingLimit > 0 };
    const maxHoldMs = dependencies.sweepHoldMaxMs ?? DEFAULT_SWEEP_HOLD_MS;
    take(await claimReleased(outbox, await runsToRelease(outbox, candidates, holds.clock(), maxHoldMs)));
    await claimEarlierVersions(outgoing, take, report);

    const byTarget = new Map<string, Outgoing[]>();
    for (const item of [...outgoing.values()].sort(byAge)) {
      byTarget.set(item.entry.target, [...(byTarget.get(item.entry.target) ?? []), item]);
    }
    const results = await Promise.all(
      [...byTarget].map(([target, items]): Promise<TargetResult> => {
        const publisher = publishers.get(target);
        if (publisher) return sendEvents(publisher, outbox, items);
        return sendSlack(
          {
            sender: slack ?? missingSlack,
            target,
            webhookUrl: webhooks.get(target),
            slack: config.slack,
            apiUrl: config.apiUrl,
            holds,
          },
          outbox,
          items,
        );
      }),
    );
    for (const [index, result] of results.entries()) {
      const target = [...byTarget.keys()][index] ?? '';
      report.delivered += result.delivered.length;
      if (target.startsWith('slack:')) report.slackMessages += result.sent;
      else if (target === securityHub?.target) report.securityHubFindings += result.sent;
      else report.events += result.sent;
      for (const { outgoing: item, reason } of result.pending) {
        report.pending.push({ key: item.entry.key, reason });
        report.unfinished.add(transitionKey(item.transition));
      }
      if (result.failure) report.failing.push(result.failure);
    }
    return report;
  }

  /**
   * Claims the pending deliveries older than the first claimed version of each finding and
   * target, so they go out first; when another sender holds one, the later ones wait (released).
   */
  async function claimEarlierVersions(
    outgoing: Map<string, Outgoing>,
    take: (claims: ClaimResult[]) => void,
    report: FanOutReport,
  ): Promise<void> {
    const first = new Map<string, Outgoing['entry']>();
    for (const { entry } of outgoing.values()) {
      const group = `${entry.findingId}\n${entry.target}`;
      const seen = first.get(group);
      if (!seen || entry.version < seen.version) first.set(group, entry);
    }
    for (const entry of first.values()) {
      const earlier = await outbox.pendingBefore(entry.findingId, entry.target, entry.version);
      const missing = earlier.filter((candidate) => !outgoing.has(candidate.key));
      if (missing.length === 0) continue;
      const claims = await outbox.claimPending(missing);
      take(claims);
      const held = claims.find((claim) => claim.outcome === 'busy');
      if (!held) continue;
      const reason = `waiting for version ${held.entry.version}, which another sender holds`;
      const waiting = [...outgoing.values()].filter(
        (item) => item.entry.findingId === entry.findingId && item.entry.target === entry.target,
      );
      await outbox.release(
        waiting.map((item) => item.entry),
        reason,
        { attempted: false },
      );
      for (const item of waiting) {
        outgoing.delete(item.entry.key);
        report.pending.push({ key: item.entry.key, reason });
        report.unfinished.add(transitionKey(item.transition));
      }
    }
  }

  return {
    deliver(transitions, options = {}) {
      const pendingLimit = options.retryPending === false ? 0 : (options.pendingLimit ?? 200);
      return run(transitions, pendingLimit, options.endedRuns);
    },
    retryPending(options = {}) {
      return run([], options.limit ?? 200);
    },
  };
}

const missingSlack = {
  async send() {
    throw new Error('no Slack sender is configured');
  },
};
