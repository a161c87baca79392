import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { type Announcement, announcementOf, nextLifecycle, type Transition } from '@customs/core';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { FindingTransition, NotifiedFinding } from '../../src/index.js';

const ARN = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api';

/** A stored finding as the store writes it (packages/store README, "Entities"). */
export function storedFinding(overrides: Partial<NotifiedFinding> = {}): NotifiedFinding {
  const resourceId = overrides.resourceId ?? ARN;
  return {
    id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    checkId: 'ecr-repository-scan-on-push',
    title: 'ECR repositories scan images on push',
    resourceType: 'ecr-repository',
    resourceId,
    resourceName: 'team/payments-api',
    accountId: '111122223333',
    region: 'eu-west-1',
    status: 'FAIL',
    severity: 'high',
    recommendation: 'CSA-3',
    message: 'Repository team/payments-api has scanOnPush=false',
    evaluatedAt: '2026-11-28T12:00:00.000Z',
    state: 'OPEN',
    version: 1,
    firstSeenAt: '2026-11-28T12:00:00.000Z',
    lastChangedAt: '2026-11-28T12:00:00.000Z',
    lastEvaluatedAt: '2026-11-28T12:00:00.000Z',
    ...overrides,
  };
}

/** The marks the store writes on a finding item (packages/store, change-marks.ts). */
export interface ChangeMarks {
  transition: Transition;
  notify?: Announcement;
}

/**
 * The marks the store writes for the change from `before` to `after`: the transition core's
 * lifecycle gives the new verdict (a suppression when `after` is SUPPRESSED) and its announcement.
 */
export function marksOf(before: NotifiedFinding | undefined, after: NotifiedFinding): ChangeMarks {
  const { transition } = nextLifecycle(before, after.status, after.state === 'SUPPRESSED');
  const notify = announcementOf(transition, before, after);
  return notify === undefined ? { transition } : { transition, notify };
}

function image(finding: NotifiedFinding, marks: Partial<ChangeMarks> = {}): Record<string, AttributeValue> {
  const item = {
    PK: `F#${finding.id}`,
    SK: 'FINDING',
    type: 'finding',
    GSI1PK: `STATUS#${finding.status}`,
    ...finding,
    ...marks,
  };
  return marshall(item, { removeUndefinedValues: true }) as Record<string, SdkAttributeValue> as Record<
    string,
    AttributeValue
  >;
}

let sequence = 4421584500000000017450439000n;

/**
 * A record of Lambda's DynamoDB stream event (NEW_AND_OLD_IMAGES), as AWS documents it, of the
 * store's write of `after` over `before`: the new image carries the store's marks (`marksOf`, or
 * `marks` when given).
 */
export function streamRecord(
  before: NotifiedFinding | undefined,
  after: NotifiedFinding | undefined,
  marks?: Partial<ChangeMarks>,
): DynamoDBRecord {
  const item = after ?? before;
  sequence += 1n;
  return {
    eventID: `event-${sequence}`,
    eventName: before && after ? 'MODIFY' : after ? 'INSERT' : 'REMOVE',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_795_867_200,
      Keys: { PK: { S: `F#${item?.id}` }, SK: { S: 'FINDING' } },
      ...(after ? { NewImage: image(after, marks ?? marksOf(before, after)) } : {}),
      ...(before ? { OldImage: image(before) } : {}),
      SequenceNumber: String(sequence),
      SizeBytes: 1024,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN:
      'arn:aws:dynamodb:eu-west-1:111122223333:table/customs-prod-FindingsTable/stream/2026-11-01T00:00:00.000',
  };
}

/** A transition of a finding, as the stream yields it. */
export function transition(
  kind: FindingTransition['kind'],
  overrides: Partial<NotifiedFinding> = {},
): FindingTransition {
  const finding = storedFinding({
    ...(kind === 'resolved'
      ? { state: 'RESOLVED', status: 'PASS', message: 'Repository team/payments-api scans on push' }
      : {}),
    ...overrides,
  });
  return { kind, finding, version: finding.version };
}
