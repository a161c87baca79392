import { Logger } from '@aws-lambda-powertools/logger';
import { type Finding, findingId } from '@customs/core';
import { localLambdaContext, StreamPoller } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { httpSlackSender, parseNotifyConfig, RESENT_NOTE, type SlackSender } from '@customs/notify';
import {
  ANNOUNCED_FINDING_WRITES,
  FindingsRepository,
  OutboxRepository,
  SWEEP_RUN_ENDS,
  sweepRunId,
} from '@customs/store';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../packages/notify/test/helpers/fake-slack.js';
import { createFindingChangeHandler } from '../src/fan-out-handler.js';

const dynamo = useDynamoDbLocal();

/** A sweep's verdicts: `count` repositories failing scan-on-push (high, every tenth critical). */
function sweepFindings(prefix: string, count: number, evaluatedAt: string): Finding[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `${prefix}-${Math.floor(index / 100)}/service-${index}`;
    const resourceId = `arn:aws:ecr:eu-west-1:111122223333:repository/${name}`;
    const checkId = 'ecr-repository-scan-on-push';
    return {
      id: findingId(checkId, resourceId),
      checkId,
      title: 'ECR repositories scan images on push',
      resourceType: 'ecr-repository',
      resourceId,
      resourceName: name,
      accountId: '111122223333',
      region: 'eu-west-1',
      status: 'FAIL',
      severity: index % 10 === 0 ? 'critical' : 'high',
      recommendation: 'CSA-3',
      message: `Repository ${name} has scanOnPush=false`,
      evaluatedAt,
    };
  });
}

/** The finding changes a digest message counts, or 1 for a single finding's message. */
function changesIn(text: string): number {
  const digest = /^Customs digest: (\d+) finding changes/.exec(text);
  return digest ? Number(digest[1]) : 1;
}

/**
 * The deployed shape: DynamoDB Local's stream, filtered and batched like the event source mapping
 * (batches of 100), each batch given to the on-finding-change handler (the Lambda's factory) on the
 * real outbox, posting to a loopback Slack. The batches are kept, so a test can deliver one again.
 */
function harness(slack: FakeSlack, clock: { now: number }, sender?: SlackSender, pollerInvokes = true) {
  const outbox = new OutboxRepository({
    client: dynamo.client,
    tableName: dynamo.tableName,
    clock: () => new Date(clock.now),
  });
  const config = parseNotifyConfig({ slack: { webhookUrl: slack.url } });
  const handler = createFindingChangeHandler(
    async () => ({
      outbox,
      config,
      slack: sender ?? httpSlackSender({ intervalMs: 0 }),
      clock: () => clock.now,
    }),
    new Logger({ serviceName: 'customs', logLevel: 'SILENT' }),
    {
      onError: (error) => {
        throw error;
      },
    },
  );
  const invoke = (event: DynamoDBStreamEvent) =>
    handler(event, localLambdaContext('on-finding-change')) as Promise<DynamoDBBatchResponse>;
  const batches: DynamoDBStreamEvent[] = [];
  const poller = new StreamPoller({
    client: dynamo.client,
    endpoint: dynamo.endpoint,
    tableName: dynamo.tableName,
    batchSize: 100,
    filters: [ANNOUNCED_FINDING_WRITES, SWEEP_RUN_ENDS],
    handler: async (event) => {
      batches.push(event);
      return pollerInvokes ? invoke(event) : { batchItemFailures: [] };
    },
  });
  return { outbox, invoke, batches, poller };
}

describe('a sweep run: one digest per webhook at its end, however many stream batches carry it', () => {
  let slack: FakeSlack;
  let repository: FindingsRepository;
  const clock = { now: Date.now() };
  beforeAll(async () => {
    slack = await startFakeSlack();
    repository = new FindingsRepository({
      client: dynamo.client,
      tableName: dynamo.tableName,
      concurrency: 16,
    });
  });
  afterAll(async () => {
    await slack?.close();
  });
  beforeEach(() => {
    slack.requests.length = 0;
    slack.answer = () => undefined;
  });

  it('holds 1,000 opened findings over 10 stream batches, posts an event-caused one at once, then one digest of the 1,000 at the end marker; a batch delivered again sends nothing', {
    timeout: 900_000,
  }, async () => {
    // Prepare: the stream read so far (the table's creation) is behind the poller
    const { outbox, invoke, batches, poller } = harness(slack, clock);
    await poller.drain();
    const runId = sweepRunId(new Date(clock.now));
    const sweep = repository.forSweepRun(runId);
    const findings = sweepFindings('sweep', 1000, new Date(clock.now).toISOString());
    // Act: the sweep stores its findings in ten steps, the stream delivered as they come
    for (let step = 0; step < 10; step++) {
      await sweep.applyEvaluation(findings.slice(step * 100, (step + 1) * 100));
      await poller.drain();
    }
    // Act: an event opens a finding while the sweep runs
    await repository.applyEvaluation(sweepFindings('event', 1, new Date(clock.now).toISOString()));
    await poller.drain();
    const duringSweep = slack.posted().map((request) => request.message.text);
    const heldBeforeEnd = (await outbox.heldOfRun(runId)).length;
    // Act: the sweep ends
    await sweep.endSweepRun(runId);
    await poller.drain();
    // Act: every batch is delivered again, the end marker's too, and the poller runs idle
    const digestBatches = batches.length;
    for (const batch of batches.slice(0, digestBatches)) await invoke(batch);
    await invoke({ Records: [] });
    // Assess: the event's finding went at once, the sweep's waited for its end: one digest of 1,000
    expect(digestBatches).toBeGreaterThanOrEqual(11);
    expect(duringSweep).toHaveLength(1);
    expect(duringSweep[0]).not.toMatch(/^Customs digest/);
    expect(heldBeforeEnd).toBe(1000);
    const posted = slack.posted().map((request) => request.message.text);
    expect(posted.length).toBeLessThanOrEqual(3);
    expect(
      posted
        .slice(1)
        .map(changesIn)
        .reduce((sum, count) => sum + count, 0),
    ).toBe(1000);
    expect(posted.slice(1)[0]).toMatch(/^Customs digest: 1000 finding changes \(1000 opened\)/);
    expect(await outbox.heldOfRun(runId)).toEqual([]);
    expect((await outbox.listPending()).items).toEqual([]);
  });

  it('re-sends a digest once, saying it may repeat, when its sender stopped between Slack and the delivered markers', {
    timeout: 900_000,
  }, async () => {
    // Prepare: the first digest is posted, then its sender never gets to mark it delivered
    let sends = 0;
    const posting = httpSlackSender({ intervalMs: 0 });
    const stopsAfterFirst: SlackSender = {
      async send(url, message) {
        await posting.send(url, message);
        if (sends++ === 0) await new Promise(() => undefined);
      },
    };
    // The poller only reads the stream here: the invocation that stops would hold up its queue.
    const { outbox, invoke, batches, poller } = harness(slack, clock, stopsAfterFirst, false);
    await poller.drain();
    batches.length = 0;
    const runId = sweepRunId(new Date(clock.now));
    const sweep = repository.forSweepRun(runId);
    await sweep.applyEvaluation(sweepFindings('crash', 300, new Date(clock.now).toISOString()));
    await poller.drain();
    for (const batch of batches.splice(0)) await invoke(batch);
    await sweep.endSweepRun(runId);
    await poller.drain();
    const [ending] = batches.splice(0);
    void invoke(ending as DynamoDBStreamEvent); // posts the digest, then never marks it delivered
    while (sends === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    // Act: the poller's idle runs, before the claim's 2 minutes ran out and after
    await invoke({ Records: [] });
    const beforeLease = slack.posted().length;
    clock.now += 3 * 60_000;
    await invoke({ Records: [] });
    await invoke({ Records: [] });
    await invoke(ending as DynamoDBStreamEvent);
    // Assess: the 300 posted once, then re-sent once with the note (in the idle runs' pages of
    // 200 pending deliveries), and nothing left
    const [first, ...again] = slack.posted().map((request) => request.message);
    expect(beforeLease).toBe(1);
    expect(changesIn(first?.text ?? '')).toBe(300);
    expect(JSON.stringify(first?.blocks)).not.toContain(RESENT_NOTE);
    expect(again.length).toBeGreaterThan(0);
    expect(again.map((message) => changesIn(message.text)).reduce((sum, count) => sum + count, 0)).toBe(300);
    for (const message of again) expect(JSON.stringify(message.blocks)).toContain(RESENT_NOTE);
    expect((await outbox.listPending()).items).toEqual([]);
    expect(await outbox.heldOfRun(runId)).toEqual([]);
  });
});
