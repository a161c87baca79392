import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { deriveTransition } from './derive-transition.js';
import type { FindingTransition, NotifiedFinding } from './model.js';

/** Attributes of a finding item that exist only for the table's keys and indexes. */
const KEY_ATTRIBUTES = /^(PK|SK|type|GSI\d+(PK|SK))$/;

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

/** A stream record's image (DynamoDB JSON) as a finding, or undefined when it is not a finding item. */
function findingOf(image: Image | undefined): NotifiedFinding | undefined {
  if (image?.SK?.S !== 'FINDING' || image.type?.S !== 'finding') return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  const fields = Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.test(name));
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

/**
 * The transition one stream record of the findings table carries, or undefined for anything else
 * (history entries, counters, outbox items, removals, a change that is no transition). Throws on
 * a finding item it cannot read, so that the caller reports that record as failed.
 * @example transitionFromStreamRecord(event.Records[0])?.kind; // 'opened'
 */
export function transitionFromStreamRecord(record: DynamoDBRecord): FindingTransition | undefined {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const after = findingOf(record.dynamodb?.NewImage);
  if (!after) return undefined;
  return deriveTransition(findingOf(record.dynamodb?.OldImage), after);
}

/**
 * The transitions of finding items in a batch of DynamoDB stream records (Lambda's
 * `DynamoDBStreamEvent.Records`, images in DynamoDB JSON), in record order.
 * @example const transitions = transitionsFromStreamRecords(event.Records); // [{ kind: 'opened', finding, version: 1 }]
 */
export function transitionsFromStreamRecords(records: readonly DynamoDBRecord[]): FindingTransition[] {
  return records.flatMap((record) => transitionFromStreamRecord(record) ?? []);
}
