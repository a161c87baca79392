import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ANNOUNCEMENTS, type Announcement } from '@customs/core';
import { sweepRunEndOf } from '@customs/store';
import type { DynamoDBRecord } from 'aws-lambda';
import type { FindingTransition, NotifiedFinding } from './model.js';

/**
 * Attributes of a finding item that exist only for the table's keys and indexes, or mark the
 * change that wrote it (`transition`, `notify`, `sweepRun`: packages/store, change-marks.ts).
 */
const ITEM_ONLY_ATTRIBUTES = /^(PK|SK|type|GSI\d+(PK|SK)|transition|notify|sweepRun)$/;

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

function isFindingItem(image: Image | undefined): image is Image {
  return image?.SK?.S === 'FINDING' && image.type?.S === 'finding';
}

/** A finding item's image (DynamoDB JSON) as a finding; throws when it has no id, version or state. */
function findingOf(image: Image): NotifiedFinding {
  const item = unmarshall(image as Record<string, AttributeValue>);
  const fields = Object.entries(item).filter(([name]) => !ITEM_ONLY_ATTRIBUTES.test(name));
  const finding = Object.fromEntries(fields) as unknown as NotifiedFinding;
  if (
    typeof finding.id !== 'string' ||
    typeof finding.version !== 'number' ||
    typeof finding.state !== 'string'
  ) {
    throw new TypeError(`the finding item ${String(image.PK?.S)} has no id, version or state`);
  }
  return finding;
}

/** What the store says the write announces (its `notify` mark), or undefined; throws on another value. */
function announcementOf(image: Image): Announcement | undefined {
  const mark = image.notify;
  if (mark === undefined) return undefined;
  const kind = mark.S;
  if (kind === undefined || !(ANNOUNCEMENTS as readonly string[]).includes(kind)) {
    throw new TypeError(`the finding item ${String(image.PK?.S)} has an unknown notify mark`);
  }
  return kind as Announcement;
}

/**
 * The transition one stream record of the findings table carries, or undefined for anything else
 * (history entries, counters, outbox items, evaluation records, removals, a change the store did
 * not mark for the fan-out). The store decides it when it writes the finding (core's
 * `announcementOf`) and marks the item with it (`notify`); this only reads the mark, and takes the
 * state and severity before the change from the old image. Throws on a marked finding item it
 * cannot read, so that the caller reports that record as failed.
 * @example transitionFromStreamRecord(event.Records[0])?.kind; // 'opened'
 */
export function transitionFromStreamRecord(record: DynamoDBRecord): FindingTransition | undefined {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!isFindingItem(image)) return undefined;
  const kind = announcementOf(image);
  if (kind === undefined) return undefined;
  const finding = findingOf(image);
  const old = record.dynamodb?.OldImage;
  const before = isFindingItem(old) ? findingOf(old) : undefined;
  const sweepRun = image.sweepRun?.S;
  return {
    kind,
    finding,
    version: finding.version,
    ...(sweepRun ? { sweepRun: sweepRun.slice(0, 100) } : {}),
    ...(before ? { previousState: before.state } : {}),
    ...(kind === 'severity-changed' && before ? { previousSeverity: before.severity } : {}),
  };
}

/**
 * The transitions of finding items in a batch of DynamoDB stream records (Lambda's
 * `DynamoDBStreamEvent.Records`, images in DynamoDB JSON), in record order.
 * @example const transitions = transitionsFromStreamRecords(event.Records); // [{ kind: 'opened', finding, version: 1 }]
 */
export function transitionsFromStreamRecords(records: readonly DynamoDBRecord[]): FindingTransition[] {
  return records.flatMap((record) => transitionFromStreamRecord(record) ?? []);
}

/**
 * The sweep runs whose end markers a batch of stream records carries (packages/store,
 * sweep-runs.ts): the fan-out then sends what it held for them, one digest per webhook.
 * @example sweepRunsEndedIn(event.Records); // ['2026-12-01T02:00:00.000Z#3f2a9c1d']
 */
export function sweepRunsEndedIn(records: readonly DynamoDBRecord[]): string[] {
  return [...new Set(records.flatMap((record) => sweepRunEndOf(record) ?? []))];
}
