import type { ClaimResult, OutboxDelivery, OutboxEntry, Page } from '@customs/store';
import type { FindingTransition } from '../transitions/index.js';

type DeliveryRef = Pick<OutboxEntry, 'findingId' | 'version' | 'target'>;

/** The outbox as the fan-out uses it (`OutboxRepository` of @customs/store). */
export interface OutboxPort {
  claim(deliveries: readonly OutboxDelivery[]): Promise<ClaimResult[]>;
  claimPending(entries: readonly OutboxEntry[]): Promise<ClaimResult[]>;
  markDelivered(deliveries: readonly DeliveryRef[], via?: string): Promise<void>;
  release(deliveries: readonly DeliveryRef[], reason: string): Promise<void>;
  listPending(options?: { limit?: number; cursor?: string }): Promise<Page<OutboxEntry>>;
  pendingBefore(findingId: string, target: string, version: number): Promise<OutboxEntry[]>;
}

/** A claimed delivery on its way out: the outbox entry and the transition it notifies. */
export interface Outgoing {
  entry: OutboxEntry;
  transition: FindingTransition;
}

/** What sending one target's deliveries did. */
export interface TargetResult {
  delivered: Outgoing[];
  /** Left pending in the outbox, with the reason; retried on the next run. */
  pending: { outgoing: Outgoing; reason: string }[];
  /** Slack messages or PutEvents entries that went out. */
  sent: number;
}

/** What one fan-out run did. */
export interface FanOutReport {
  /** Deliveries sent and marked delivered in this run. */
  delivered: number;
  /** Deliveries skipped because the outbox says they were delivered before (a replayed record). */
  alreadyDelivered: number;
  /** Deliveries another sender holds right now. */
  busy: number;
  /** Deliveries left pending, with the reason; the outbox retries them. */
  pending: { key: string; reason: string }[];
  /** Slack messages posted (a digest counts once). */
  slackMessages: number;
  /** Events put on EventBridge. */
  events: number;
  /** `<findingId>#<version>` of the transitions with a delivery still pending. */
  unfinished: Set<string>;
}

/** The `<findingId>#<version>` of a transition. */
export function transitionKey(
  transition: Pick<FindingTransition, 'version'> & { finding: { id: string } },
): string {
  return `${transition.finding.id}#${transition.version}`;
}

/** Orders outgoing deliveries: oldest first, a finding's versions ascending. */
export function byAge(a: Outgoing, b: Outgoing): number {
  return (
    a.entry.createdAt.localeCompare(b.entry.createdAt) ||
    a.entry.findingId.localeCompare(b.entry.findingId) ||
    a.entry.version - b.entry.version
  );
}
