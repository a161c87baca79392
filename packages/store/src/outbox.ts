import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { storeContext } from './context.js';
import type { Page } from './model.js';
import { clearHold, type HoldRequest, readHold, type TargetHold, writeHold } from './outbox-holds.js';
import {
  type ClaimResult,
  entryFromItem,
  findingTargetPrefix,
  OUTBOX_PENDING,
  type OutboxDelivery,
  type OutboxEntry,
} from './outbox-model.js';
import { claimHeld, type HoldResult, heldOfRun, heldRuns, holdDelivery } from './outbox-sweep-holds.js';
import {
  claimDelivery,
  claimExisting,
  markEntryDelivered,
  type OutboxContext,
  type ReleaseOptions,
  releaseEntry,
} from './outbox-writes.js';
import { queryAll, queryPage } from './run-query.js';
import { sweepRunHasEnded } from './sweep-runs.js';

export interface OutboxRepositoryOptions {
  client: DynamoDBClient;
  tableName: string;
  /** How long a claim keeps other senders off a delivery; 2 minutes by default (over a Lambda's timeout). */
  leaseMs?: number;
  /** Days a delivered item is kept before TTL deletes it; 30 by default. */
  deliveredTtlDays?: number;
  /** Items written in parallel; 16 by default. */
  concurrency?: number;
  clock?: () => Date;
}

type DeliveryRef = Pick<OutboxEntry, 'findingId' | 'version' | 'target'>;

/**
 * The fan-out's outbox on the findings table (README.md, "Outbox"): a delivery is claimed before
 * it is sent (a conditional write keyed by its idempotency key), marked delivered after, and stays
 * pending (listed by a Query on the byStatus index) until it is, so nothing is lost and nothing
 * marked delivered is sent again. What it cannot rule out is a send whose outcome is unknown (the
 * target's answer lost, or the sender stopped before marking it): that one is sent again, so a
 * target gets each delivery at least once. Each target may carry a hold-off (`holdTarget`).
 * @example
 * const outbox = new OutboxRepository({ client: createStoreClient(), tableName: 'customs-findings' });
 * const [{ outcome }] = await outbox.claim([{ findingId, version: 2, target: 'eventbridge:default', payload }]);
 * if (outcome === 'claimed') { await send(); await outbox.markDelivered([delivery]); }
 */
export class OutboxRepository {
  readonly #context: OutboxContext;
  readonly #concurrency: number;

  constructor(options: OutboxRepositoryOptions) {
    this.#context = {
      ...storeContext({ ...options, historyTtlDays: 0, maxConflictAttempts: 1 }),
      leaseMs: options.leaseMs ?? 120_000,
      deliveredTtlSeconds: Math.round((options.deliveredTtlDays ?? 30) * 86_400),
    };
    this.#concurrency = options.concurrency ?? 16;
  }

  /**
   * Claims each delivery before it is sent: `claimed` (send it), `delivered` (never again) or `busy`.
   * @example const results = await outbox.claim(deliveries);
   */
  claim(deliveries: readonly OutboxDelivery[]): Promise<ClaimResult[]> {
    return eachLimited(deliveries, this.#concurrency, (delivery) => claimDelivery(this.#context, delivery));
  }

  /**
   * Claims pending entries read from `listPending` or `pendingBefore`, for a retry.
   * @example const results = await outbox.claimPending((await outbox.listPending()).items);
   */
  claimPending(entries: readonly OutboxEntry[]): Promise<ClaimResult[]> {
    return eachLimited(entries, this.#concurrency, (entry) => claimExisting(this.#context, entry));
  }

  /**
   * Marks claimed deliveries sent; `via` says how (e.g. `digest`).
   * @example await outbox.markDelivered([delivery], 'message');
   */
  async markDelivered(deliveries: readonly DeliveryRef[], via = 'message'): Promise<void> {
    await eachLimited(deliveries, this.#concurrency, (entry) =>
      markEntryDelivered(this.#context, entry, via),
    );
  }

  /**
   * Gives claimed deliveries back after a failed attempt: they stay pending, with the reason.
   * `attempted: false` gives back ones that were not tried (held off, waiting for an older
   * version), which keeps their attempt count; `mayHaveGoneOut: true` records that the target may
   * have them already (an answer lost), so that a re-send can say it may repeat them.
   * @example await outbox.release([delivery], 'Slack answered 500 three times');
   */
  async release(
    deliveries: readonly DeliveryRef[],
    reason: string,
    options: ReleaseOptions = {},
  ): Promise<void> {
    await eachLimited(deliveries, this.#concurrency, (entry) =>
      releaseEntry(this.#context, entry, reason, options),
    );
  }

  /**
   * Holds deliveries for the end of a sweep run (outbox-sweep-holds.ts): written, not sent, and
   * not listed pending until the run's digest claims them (`heldOfRun`, `claimHeld`). A delivery
   * that exists already (a replayed record) is left as it is: `exists` or `delivered`.
   * @example await outbox.hold(deliveries, '2026-12-01T02:00:00.000Z#3f2a9c1d');
   */
  hold(deliveries: readonly OutboxDelivery[], runId: string): Promise<HoldResult[]> {
    return eachLimited(deliveries, this.#concurrency, (delivery) =>
      holdDelivery(this.#context, delivery, runId),
    );
  }

  /**
   * The deliveries held for a sweep run, oldest first (Query on byStatus, `GSI1PK = OUTBOX#HELD`).
   * @example const held = await outbox.heldOfRun(runId);
   */
  heldOfRun(runId: string): Promise<OutboxEntry[]> {
    return heldOfRun(this.#context, runId);
  }

  /**
   * The sweep runs that have deliveries held, oldest first (from the oldest `limit` held deliveries).
   * @example const [oldest] = await outbox.heldRuns();
   */
  heldRuns(limit = 100): Promise<string[]> {
    return heldRuns(this.#context, limit);
  }

  /**
   * Claims held deliveries for their run's digest; they become ordinary pending deliveries (a
   * failed send is retried like any other): `claimed`, `delivered` or `busy`.
   * @example const claims = await outbox.claimHeld(await outbox.heldOfRun(runId));
   */
  claimHeld(entries: readonly OutboxEntry[]): Promise<ClaimResult[]> {
    return eachLimited(entries, this.#concurrency, (entry) => claimHeld(this.#context, entry));
  }

  /**
   * Whether the sweep run wrote its end marker (sweep-runs.ts; a strongly consistent GetItem).
   * @example if (await outbox.sweepRunEnded(runId)) await sendDigest(runId);
   */
  sweepRunEnded(runId: string): Promise<boolean> {
    return sweepRunHasEnded(this.#context, runId);
  }

  /**
   * The target's hold-off, if it has one (it may have run out: compare `holdUntil`).
   * @example const hold = await outbox.targetHold('slack:3f2a9c1d0b4e'); // { holdUntil, reason, failures }
   */
  targetHold(target: string): Promise<TargetHold | undefined> {
    return readHold(this.#context, target);
  }

  /**
   * Holds a target off until `until` (Slack's `Retry-After`, a backoff), unless it is held longer
   * already; returns the hold that applies. Every sender reads it before sending.
   * @example await outbox.holdTarget('slack:3f2a9c1d0b4e', { until, reason: 'Slack answered 429 with Retry-After: 30', failed: false });
   */
  holdTarget(target: string, request: HoldRequest): Promise<TargetHold | undefined> {
    return writeHold(this.#context, target, request);
  }

  /**
   * Ends a target's backoff once a delivery went through (a hold still running is kept).
   * @example await outbox.clearTargetHold('slack:3f2a9c1d0b4e');
   */
  clearTargetHold(target: string): Promise<void> {
    return clearHold(this.#context, target);
  }

  /**
   * Pending deliveries, oldest first (Query on byStatus, `GSI1PK = OUTBOX#PENDING`).
   * @example const { items, cursor } = await outbox.listPending({ limit: 100 });
   */
  async listPending(options: { limit?: number; cursor?: string } = {}): Promise<Page<OutboxEntry>> {
    const plan = { index: 'byStatus' as const, partitions: [{ pk: OUTBOX_PENDING }], filters: {} };
    const page = await queryPage(this.#context, plan, options.limit ?? 100, options.cursor);
    return { ...page, items: page.items.map(entryFromItem) };
  }

  /**
   * The pending deliveries of a finding to a target older than `version`, oldest first: they go out
   * before it, so a finding's notifications keep their order.
   * @example const earlier = await outbox.pendingBefore(findingId, 'slack:3f2a', 3);
   */
  async pendingBefore(findingId: string, target: string, version: number): Promise<OutboxEntry[]> {
    if (version <= 1) return [];
    const partition = findingTargetPrefix(findingId, target);
    const items = await queryAll(this.#context, { partitions: [partition], filters: { status: 'PENDING' } });
    return items.map(entryFromItem).filter((entry) => entry.version < version);
  }
}

/** Runs `work` on every input, `limit` at a time, and returns the results in input order. */
async function eachLimited<T, R>(
  inputs: readonly T[],
  limit: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return results;
}
