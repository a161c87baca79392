/**
 * The outbox of the fan-out (README.md, "Outbox"): one item per notification, keyed by its
 * idempotency key (finding id + version + target), so a notification is delivered once whatever
 * the number of times the stream record that caused it is processed.
 */

/** A notification to deliver: what, for which version of which finding, to which target. */
export interface OutboxDelivery {
  findingId: string;
  /** The finding's stored version the notification is about. */
  version: number;
  /** Where it goes, e.g. `slack:<webhook hash>` or `eventbridge:default`; never a secret. */
  target: string;
  /** What the sender needs to (re)build the notification without the stream record. */
  payload: Record<string, unknown>;
}

export type OutboxStatus = 'PENDING' | 'DELIVERED';

/** A delivery as the outbox holds it. */
export interface OutboxEntry extends OutboxDelivery {
  /** `<findingId>#<version>#<target>`. */
  key: string;
  status: OutboxStatus;
  /** Failed attempts so far. */
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  /** Why the last attempt failed (never holds a webhook URL: the sender redacts it). */
  lastError?: string;
  deliveredAt?: string;
  /** How it was delivered, e.g. `digest` when it went out as part of a digest message. */
  via?: string;
  /** While a sender holds it: ISO time after which another sender may take it over. */
  leaseUntil?: string;
  /**
   * An earlier attempt's outcome is unknown (its answer was lost): the target may have it already,
   * so a re-send may repeat it. Set by `release(…, { mayHaveGoneOut: true })`, kept until delivered.
   */
  mayHaveGoneOut?: boolean;
  /**
   * Held for the end of this sweep run (outbox-sweep-holds.ts): not pending yet, listed by
   * `heldOfRun`, not by `listPending`, until the run's digest claims it.
   */
  heldFor?: string;
}

/**
 * What claiming a delivery found: `claimed` (the caller holds it and must send it, then mark it
 * delivered or release it), `delivered` (already sent: never send it again) or `busy` (another
 * sender holds it right now).
 */
export interface ClaimResult {
  entry: OutboxEntry;
  outcome: 'claimed' | 'delivered' | 'busy';
  /**
   * Claimed over an earlier holder's lease that ran out: that sender may have sent it and stopped
   * before marking it delivered, so sending it again may repeat it.
   */
  takenOver?: boolean;
}

/** Partition of the byStatus index (GSI1) that lists the pending deliveries, oldest first. */
export const OUTBOX_PENDING = 'OUTBOX#PENDING';
const OUTBOX_PREFIX = 'OUTBOX#';

function padVersion(version: number): string {
  return String(version).padStart(10, '0');
}

/**
 * The idempotency key of a delivery.
 * @example outboxKeyOf({ findingId: 'a1', version: 3, target: 'eventbridge:default' }); // 'a1#3#eventbridge:default'
 */
export function outboxKeyOf(delivery: Pick<OutboxDelivery, 'findingId' | 'version' | 'target'>): string {
  return `${delivery.findingId}#${delivery.version}#${delivery.target}`;
}

/** A finding's deliveries share a partition, sorted by target then version. */
export function outboxItemKey(delivery: Pick<OutboxDelivery, 'findingId' | 'version' | 'target'>): {
  PK: string;
  SK: string;
} {
  return {
    PK: `${OUTBOX_PREFIX}${delivery.findingId}`,
    SK: `${delivery.target}#${padVersion(delivery.version)}`,
  };
}

/** The byStatus (GSI1) keys of a pending delivery: listed oldest first. */
export function pendingIndexKeys(entry: OutboxEntry): { GSI1PK: string; GSI1SK: string } {
  return {
    GSI1PK: OUTBOX_PENDING,
    GSI1SK: `${entry.createdAt}#${entry.findingId}#${entry.target}#${padVersion(entry.version)}`,
  };
}

const ITEM_ONLY = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'type', 'expiresAt']);

/** Reads an outbox item back into an OutboxEntry. */
export function entryFromItem(item: Record<string, unknown>): OutboxEntry {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !ITEM_ONLY.has(name)),
  ) as unknown as OutboxEntry;
}

/** The item of a new pending delivery. */
export function pendingItem(entry: OutboxEntry): Record<string, unknown> {
  return { ...outboxItemKey(entry), type: 'outbox', ...entry, ...pendingIndexKeys(entry) };
}

/** The partition and sort key prefix of one finding's deliveries to one target. */
export function findingTargetPrefix(findingId: string, target: string): { pk: string; prefix: string } {
  return { pk: `${OUTBOX_PREFIX}${findingId}`, prefix: `${target}#` };
}
