import { fileURLToPath } from 'node:url';
import type { SQSEvent } from 'aws-lambda';
import {
  filesAs,
  readSnapshotDir,
  type SnapshotFiles,
} from '../../../packages/aws/test/live/helpers/snapshot-files.js';

/** The demo snapshot, whose account is the organisation's home account. */
export const DEMO = fileURLToPath(new URL('../../../packages/local/snapshots/demo/', import.meta.url));
/** The demo's account.json. */
export const HOME = '111122223333';
export const MEMBER = '444455556666';
export const BROKEN = '777788889999';
export const REGION = 'eu-west-1';
/** The demo's capturedAt. */
export const T0 = Date.parse('2026-11-28T12:00:00.000Z');
/** The demo's team/checkout-web image. */
export const DIGEST = 'sha256:357f16afe8c184dccb6f2a4bcf760983986ae1bf790914ac2d9c05da7abbaa80';

/**
 * The demo account's files, as another account holds them (its id in every body).
 * @example const member = filesOf(MEMBER);
 */
export function filesOf(accountId: string): SnapshotFiles {
  return filesAs(readSnapshotDir(DEMO), HOME, accountId);
}

/**
 * An ECR push (the documented "ECR Image Action" event) of the demo's checkout-web image in `account`.
 * @example await processEvent(pushIn(MEMBER), dependencies);
 */
export function pushIn(account: string) {
  return {
    version: '0',
    id: `13cde686-328b-6117-af20-${account}`,
    'detail-type': 'ECR Image Action',
    source: 'aws.ecr',
    account,
    time: '2026-11-28T11:54:34Z',
    region: REGION,
    resources: [],
    detail: {
      result: 'SUCCESS',
      'repository-name': 'team/checkout-web',
      'image-digest': DIGEST,
      'action-type': 'PUSH',
      'image-tag': 'v1.8.0',
    },
  };
}

/**
 * An SQS event as Lambda delivers it (documented shape) from the sweep queue, one record per body.
 * @example await worker(sqsEvent(messages.map((message) => JSON.stringify(message))), context);
 */
export function sqsEvent(bodies: readonly string[]): SQSEvent {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `059f36b4-87a3-44ab-83d2-${String(index).padStart(12, '0')}`,
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1764331200000',
        SenderId: 'AROAEXAMPLEID:customs-sweep',
        ApproximateFirstReceiveTimestamp: '1764331200010',
      },
      messageAttributes: {},
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${REGION}:${HOME}:customs-sweep`,
      awsRegion: REGION,
    })),
  };
}
