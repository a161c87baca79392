import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type BackoffPolicy, backoffDelay, realSleep, type Sleep } from '../retry/index.js';
import type { FindingTransition } from '../transitions/index.js';
import { batchEntries, findingEventEntry } from './finding-event.js';

/** What publishing some transitions did, by index in the input. */
export interface PublishOutcome {
  delivered: number[];
  failed: { index: number; reason: string }[];
}

/** Publishes transitions as "Customs Finding Changed" events. */
export interface FindingEventPublisher {
  /** The outbox target, e.g. `eventbridge:default`. */
  readonly target: string;
  publish(transitions: readonly FindingTransition[]): Promise<PublishOutcome>;
}

export interface EventBridgePublisherOptions {
  client: EventBridgeClient;
  /** The bus; the account's default bus when absent. */
  busName?: string;
  /** Attempts for failed entries; 4 attempts, 200 ms doubling to 5 s by default. */
  retry?: BackoffPolicy;
  sleep?: Sleep;
}

const DEFAULT_RETRY: BackoffPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5000 };

/**
 * A publisher that sends PutEvents in batches within its limits (10 entries, 256 KB) and retries
 * the entries that failed (a per-entry `ErrorCode`, or the whole call) with bounded backoff; what
 * still fails is reported in `failed`, with the reason.
 * @example
 * const events = eventBridgePublisher({ client: new EventBridgeClient({}), busName: 'default' });
 * const { failed } = await events.publish(transitions);
 */
export function eventBridgePublisher(options: EventBridgePublisherOptions): FindingEventPublisher {
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? realSleep;

  async function publish(transitions: readonly FindingTransition[]): Promise<PublishOutcome> {
    const entries = transitions.map((transition) => findingEventEntry(transition, options.busName));
    const outcome: PublishOutcome = { delivered: [], failed: [] };
    let { batches, oversized } = batchEntries(entries);
    for (const index of oversized)
      outcome.failed.push({ index, reason: 'larger than the 256 KB PutEvents allows' });
    const reasons = new Map<number, string>();
    for (let attempt = 1; batches.length > 0; attempt++) {
      const again: number[] = [];
      for (const batch of batches) {
        try {
          const response = await options.client.send(
            new PutEventsCommand({ Entries: batch.map((index) => entries[index]) as typeof entries }),
          );
          for (const [position, index] of batch.entries()) {
            const result = response.Entries?.[position];
            if (result?.EventId && !result.ErrorCode) {
              outcome.delivered.push(index);
              continue;
            }
            const code = result?.ErrorCode ?? 'NoEventId';
            reasons.set(index, `${code}: ${result?.ErrorMessage ?? 'no event id returned'}`);
            again.push(index);
          }
        } catch (error) {
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          for (const index of batch) reasons.set(index, reason);
          again.push(...batch);
        }
      }
      if (again.length === 0) break;
      if (attempt >= retry.maxAttempts) {
        for (const index of again)
          outcome.failed.push({ index, reason: `${reasons.get(index)} (after ${attempt} attempts)` });
        break;
      }
      await sleep(backoffDelay(retry, attempt));
      ({ batches, oversized } = batchEntries(entries, again));
    }
    outcome.delivered.sort((a, b) => a - b);
    return outcome;
  }
  return { target: `eventbridge:${options.busName ?? 'default'}`, publish };
}
