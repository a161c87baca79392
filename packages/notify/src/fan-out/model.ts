import type {
  ClaimResult,
  HoldRequest,
  HoldResult,
  OutboxDelivery,
  OutboxEntry,
  Page,
  ReleaseOptions,
  TargetHold,
} from '@customs/store';
import type { FindingTransition } from '../transitions/index.js';

type DeliveryRef = Pick<OutboxEntry, 'findingId' | 'version' | 'target'>;

/** The outbox as the fan-out uses it (`OutboxRepository` of @customs/store). */
export interface OutboxPort {
  claim(deliveries: readonly OutboxDelivery[]): Promise<ClaimResult[]>;
  claimPending(entries: readonly OutboxEntry[]): Promise<ClaimResult[]>;
  markDelivered(deliveries: readonly DeliveryRef[], via?: string): Promise<void>;
  release(deliveries: readonly DeliveryRef[], reason: string, options?: ReleaseOptions): Promise<void>;
  listPending(options?: { limit?: number; cursor?: string }): Promise<Page<OutboxEntry>>;
  pendingBefore(findingId: string, target: string, version: number): Promise<OutboxEntry[]>;
  hold(deliveries: readonly OutboxDelivery[], runId: string): Promise<HoldResult[]>;
  heldOfRun(runId: string): Promise<OutboxEntry[]>;
  heldRuns(limit?: number): Promise<string[]>;
  claimHeld(entries: readonly OutboxEntry[]): Promise<ClaimResult[]>;
  sweepRunEnded(runId: string): Promise<boolean>;
  targetHold(target: string): Promise<TargetHold | undefined>;
  holdTarget(target: string, request: HoldRequest): Promise<TargetHold | undefined>;
  clearTargetHold(target: string): Promise<void>;
}

/** A claimed delivery on its way out: the outbox entry and the transition it notifies. */
export interface Outgoing {
  entry: OutboxEntry;
  transition: FindingTransition;
  /** It may have gone out before (an earlier sender's lease ran out): a re-send says so. */
  mayHaveGoneOut?: boolean;
}

/** Why a target's deliveries did not go out in a run, once per target (not per delivery). */
export interface TargetFailure {
  /** The outbox target, e.g. `slack:3f2a9c1d0b4e`. */
  target: string;
  /** The target as a person reads it: the webhook redacted (`https://hooks.slack.com/services/T…/…`). */
  shown: string;
  /** What failed: DNS lookup failed for hooks.slack.com (ENOTFOUND), HTTP 503…, a 429's Retry-After. */
  cause: string;
  /** The HTTP status the target answered with in this run (500, 429…); absent when it did not answer or was held off. */
  status?: number;
  /**
   * The last attempt's outcome in a few words, without the URL: Slack's answer text (may be empty)
   * or why no answer came (`DNS lookup failed for hooks.slack.com (ENOTFOUND)`).
   */
  answer?: string;
  /** Deliveries to it left pending in this run. */
  pending: number;
  /** When the next try may go out (its hold-off), ISO; absent when the next run may try at once. */
  retryAt?: string;
  /** True when nothing was tried in this run because the target was still held off. */
  held: boolean;
  /** How it is retried: `once Slack's Retry-After ends`, `with a backoff of 10 s doubling to 5 min while it fails`. */
  schedule: string;
}

/** What sending one target's deliveries did. */
export interface TargetResult {
  delivered: Outgoing[];
  /** Left pending in the outbox, with the reason; retried on the next run. */
  pending: { outgoing: Outgoing; reason: string }[];
  /** Slack messages or PutEvents entries that went out. */
  sent: number;
  /** Set when the target failed (or was held off) in this run. */
  failure?: TargetFailure;
}

/** What one fan-out run did. */
export interface FanOutReport {
  /** Deliveries sent and marked delivered in this run. */
  delivered: number;
  /** Deliveries skipped because the outbox says they were delivered before (a replayed record). */
  alreadyDelivered: number;
  /** Deliveries another sender holds right now. */
  busy: number;
  /** Slack deliveries of sweep transitions held in this run for their run's digest (not sent yet, not pending). */
  held: number;
  /** Deliveries left pending, with the reason; the outbox retries them. */
  pending: { key: string; reason: string }[];
  /** Slack messages posted (a digest counts once). */
  slackMessages: number;
  /** Events put on EventBridge. */
  events: number;
  /** Findings imported into (or updated in) Security Hub. */
  securityHubFindings: number;
  /** `<findingId>#<version>` of the transitions with a delivery still pending. */
  unfinished: Set<string>;
  /** Each target that failed or was held off in this run, with the cause and the next try. */
  failing: TargetFailure[];
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
