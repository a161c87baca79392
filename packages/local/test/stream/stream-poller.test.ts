import { transitionsFromStreamRecords } from '@customs/notify';
import { FindingsRepository } from '@customs/store';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository } from '../../../store/test/helpers/findings.js';
import { useDynamoDbLocal } from '../../src/dynamodb/testing.js';
import {
  FINDING_ITEM_FILTERS,
  localNotifyConfig,
  StreamPoller,
  startLocalFanOut,
} from '../../src/stream/index.js';

const dynamo = useDynamoDbLocal();

/** A handler that keeps every event it is invoked with. */
function recordingHandler(
  answer: (event: DynamoDBStreamEvent) => DynamoDBBatchResponse = () => ({ batchItemFailures: [] }),
) {
  const events: DynamoDBStreamEvent[] = [];
  return {
    events,
    records: () => events.flatMap((event) => event.Records),
    handler: async (event: DynamoDBStreamEvent) => {
      events.push(structuredClone(event));
      return answer(event);
    },
  };
}

describe('StreamPoller on DynamoDB Local', () => {
  it("hands the handler the table's real stream records in Lambda's shape, from which the transitions derive", async () => {
    // Prepare
    const store = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const prod = cluster('stream-prod');
    const check = CHECKS.endpointNotPublic;
    const seen = recordingHandler();
    const poller = new StreamPoller({ ...dynamo, handler: seen.handler, filters: FINDING_ITEM_FILTERS });
    // Act
    await store.applyEvaluation([finding(check, prod, 'FAIL', at(0), 'public to 0.0.0.0/0')]);
    await store.applyEvaluation([finding(check, prod, 'FAIL', at(5), 'public to 0.0.0.0/0 and ::/0')]);
    await store.applyEvaluation([finding(check, prod, 'PASS', at(10), 'private endpoint')]);
    await store.applyEvaluation([finding(check, prod, 'FAIL', at(20), 'public to ::/0')]);
    await poller.drain();
    await poller.stop();
    // Assess
    const records = seen.records();
    expect(records.length).toBeGreaterThanOrEqual(4);
    const first = records[0] as DynamoDBRecord;
    expect(first).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventSourceARN: expect.stringMatching(new RegExp(`:table/${dynamo.tableName}/stream/`)),
      dynamodb: {
        Keys: { SK: { S: 'FINDING' } },
        SequenceNumber: expect.any(String),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        ApproximateCreationDateTime: expect.any(Number),
      },
    });
    expect(records.every((record) => record.dynamodb?.Keys?.SK?.S === 'FINDING')).toBe(true);
    const transitions = transitionsFromStreamRecords(records);
    expect(transitions.map((t) => [t.kind, t.version, t.previousState])).toEqual([
      ['opened', 1, undefined],
      ['resolved', 3, 'OPEN'],
      ['reopened', 4, 'RESOLVED'],
    ]);
    expect(transitions[2]?.finding).toMatchObject({
      checkId: check.checkId,
      resourceId: prod.id,
      message: 'public to ::/0',
    });
  });

  it('drains what is new only, in batches of batchSize, and resolves when the stream has no more records', async () => {
    // Prepare
    const store = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const seen = recordingHandler();
    const poller = new StreamPoller({
      ...dynamo,
      handler: seen.handler,
      filters: FINDING_ITEM_FILTERS,
      batchSize: 4,
    });
    await poller.drain();
    const before = seen.records().length;
    // Act
    const repositories = Array.from({ length: 10 }, (_, index) => repository(`drain-${index}`));
    await store.applyEvaluation(repositories.map((r) => finding(CHECKS.scanOnPush, r, 'FAIL', at(0))));
    await poller.drain();
    await poller.drain();
    await poller.stop();
    // Assess
    const fresh = seen.records().slice(before);
    expect(fresh).toHaveLength(10);
    expect(seen.events.slice(-3).map((event) => event.Records.length)).toEqual([4, 4, 2]);
  });

  it('re-invokes from the first failed record, as Lambda does with ReportBatchItemFailures, then moves on', async () => {
    // Prepare: the handler fails the second record of its first batch once
    const store = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const poller0 = new StreamPoller({ ...dynamo, handler: async () => ({ batchItemFailures: [] }) });
    await poller0.drain();
    await poller0.stop();
    let failedOnce = false;
    const seen = recordingHandler((event) => {
      if (failedOnce || event.Records.length < 3) return { batchItemFailures: [] };
      failedOnce = true;
      return { batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber ?? '' }] };
    });
    const poller = new StreamPoller({
      ...dynamo,
      handler: seen.handler,
      filters: FINDING_ITEM_FILTERS,
      startAt: 'LATEST',
    });
    await poller.drain();
    // Act
    const repositories = Array.from({ length: 3 }, (_, index) => repository(`retry-${index}`));
    await store.applyEvaluation(repositories.map((r) => finding(CHECKS.tagImmutability, r, 'FAIL', at(0))));
    await poller.drain();
    await poller.stop();
    // Assess
    const [first, retry] = seen.events.map((event) =>
      event.Records.map((record) => record.dynamodb?.SequenceNumber),
    );
    expect(first).toHaveLength(3);
    expect(retry).toEqual(first?.slice(1));
    expect(poller.stats.failedRecords).toBe(0);
  });

  it('prints the Slack messages it would send when no webhook is configured', async () => {
    // Prepare
    const store = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const printed: string[] = [];
    const fanOut = startLocalFanOut({
      ...dynamo,
      notify: localNotifyConfig({}),
      write: (text) => printed.push(text),
      startAt: 'LATEST',
    });
    await fanOut.drain();
    // Act
    await store.applyEvaluation([
      finding(CHECKS.noCritical, repository('printed'), 'FAIL', at(0), '1 CRITICAL finding(s)'),
    ]);
    const summary = await fanOut.drain();
    await fanOut.stop();
    // Assess
    expect(summary).toEqual({ mode: 'printed', slackMessages: 1, pending: 0, failing: [] });
    expect(printed.join('')).toMatch(
      /^Would post to Slack \(SLACK_WEBHOOK_URL is not set\):\n== New finding · ECR images have no critical vulnerabilities ==/,
    );
  });
});
