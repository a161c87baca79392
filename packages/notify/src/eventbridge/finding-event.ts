import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { FindingTransition } from '../transitions/index.js';

export const FINDING_EVENT_SOURCE = 'customs';
export const FINDING_EVENT_DETAIL_TYPE = 'Customs Finding Changed';

/** The `detail` of a "Customs Finding Changed" event: the transition and the finding after it. */
export interface FindingChangedDetail {
  transition: FindingTransition['kind'];
  findingId: string;
  version: number;
  previousState?: string;
  previousSeverity?: string;
  finding: FindingTransition['finding'];
}

/**
 * The PutEvents entry of a transition: source `customs`, detail-type `Customs Finding Changed`,
 * the resource's ARN in `Resources` (when it is one) and the time of the change.
 * @example await client.send(new PutEventsCommand({ Entries: [findingEventEntry(transition, 'default')] }));
 */
export function findingEventEntry(transition: FindingTransition, busName?: string): PutEventsRequestEntry {
  const { finding } = transition;
  const detail: FindingChangedDetail = {
    transition: transition.kind,
    findingId: finding.id,
    version: transition.version,
    ...(transition.previousState ? { previousState: transition.previousState } : {}),
    ...(transition.previousSeverity ? { previousSeverity: transition.previousSeverity } : {}),
    finding,
  };
  const time = new Date(finding.lastEvaluatedAt ?? finding.evaluatedAt);
  return {
    Source: FINDING_EVENT_SOURCE,
    DetailType: FINDING_EVENT_DETAIL_TYPE,
    Detail: JSON.stringify(detail),
    Resources: finding.resourceId.startsWith('arn:') ? [finding.resourceId] : [],
    ...(Number.isNaN(time.getTime()) ? {} : { Time: time }),
    ...(busName ? { EventBusName: busName } : {}),
  };
}

const utf8 = (text: string | undefined) => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));

/**
 * An entry's size as EventBridge counts it: Time 14 bytes, Source, DetailType, Detail and each
 * resource in UTF-8 bytes (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html).
 * @example entrySize(findingEventEntry(transition)); // 1843
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  const resources = (entry.Resources ?? []).reduce((sum, resource) => sum + utf8(resource), 0);
  return (entry.Time ? 14 : 0) + utf8(entry.Source) + utf8(entry.DetailType) + utf8(entry.Detail) + resources;
}

/** PutEvents limits: entries per call and bytes per request. */
export const PUT_EVENTS_LIMITS = { entries: 10, bytes: 256 * 1024 } as const;

/**
 * Splits entries (by index) into PutEvents calls of at most 10 entries and 256 KB; an entry that
 * alone is larger than 256 KB is returned in `oversized` (PutEvents would refuse it).
 * @example batchEntries(entries).batches; // [[0, 1, …, 9], [10, 11]]
 */
export function batchEntries(entries: readonly PutEventsRequestEntry[], indexes?: readonly number[]) {
  const batches: number[][] = [];
  const oversized: number[] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const index of indexes ?? entries.map((_, i) => i)) {
    const size = entrySize(entries[index] as PutEventsRequestEntry);
    if (size > PUT_EVENTS_LIMITS.bytes) {
      oversized.push(index);
      continue;
    }
    if (current.length === PUT_EVENTS_LIMITS.entries || bytes + size > PUT_EVENTS_LIMITS.bytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}
