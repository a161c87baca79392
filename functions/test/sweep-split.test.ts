import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { SendMessageBatchCommand, type SendMessageBatchCommandInput, SQSClient } from '@aws-sdk/client-sqs';
import type { SweepUnit } from '@customs/aws';
import { localLambdaContext } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { planOrRunSweep, runSweep } from '@customs/pipeline';
import { createFindingsTable, FindingsRepository, type StoredFinding } from '@customs/store';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockedAws, mockAws } from '../../packages/aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir, type SnapshotFiles } from '../../packages/aws/test/live/helpers/snapshot-files.js';
import { lambdaDependencies } from '../src/runtime/lambda-dependencies.js';
import { sqsEnqueuer } from '../src/runtime/sweep-queue.js';
import { createSweepWorker, handler as sweepWorker } from '../src/sweep-worker.js';

const DEMO = fileURLToPath(new URL('../../packages/local/snapshots/demo/', import.meta.url));
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/customs-sweep';
/** A budget so small that each unit reads one repository of the demo account. */
const TINY = { timeoutMs: 300, margin: 0 };
const DELETED = 'legacy-batch';
/**
 * The wall clock, held still within a sweep and moved 1 ms on between sweeps: checks state ages
 * in whole minutes from AWS's whole-second timestamps, so the sweeps' messages stay the same.
 */
const T0 = Date.parse('2026-11-28T12:00:00.000Z'); // the demo's capturedAt
let tick = 0;
const nextSweepTime = () => vi.setSystemTime(T0 + tick++);

/** The demo account with one repository deleted. */
function withoutRepository(files: SnapshotFiles, name: string): SnapshotFiles {
  const copy = new Map(files);
  const listed = copy.get('ecr/DescribeRepositories.json') as { repositories: { repositoryName: string }[] };
  copy.set('ecr/DescribeRepositories.json', {
    ...listed,
    repositories: listed.repositories.filter((repository) => repository.repositoryName !== name),
  });
  copy.delete(`ecr/DescribeImages/${encodeURIComponent(name)}.json`);
  return copy;
}

/** An SQS event as Lambda delivers it (documented shape), one record per message body. */
function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body) => ({
      messageId: randomUUID(),
      receiptHandle: `AQEB${randomUUID().replaceAll('-', '')}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1764355200000',
        SenderId: 'AROAEXAMPLEID:customs-sweep',
        ApproximateFirstReceiveTimestamp: '1764355200010',
      },
      messageAttributes: {},
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:customs-sweep',
      awsRegion: 'eu-west-1',
    })),
  };
}

async function allFindings(repository: FindingsRepository): Promise<StoredFinding[]> {
  const found: StoredFinding[] = [];
  let cursor: string | undefined;
  do {
    const page = await repository.listFindings({ limit: 1000, ...(cursor ? { cursor } : {}) });
    found.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return found;
}

/** A stored finding without its times, which differ between two sweeps a moment apart. */
function comparable(findings: StoredFinding[]) {
  return findings
    .map((finding) => Object.fromEntries(Object.entries(finding).filter(([key]) => !key.endsWith('At'))))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

const repositoryOf = (finding: StoredFinding) => finding.resourceName.split('@')[0];

/**
 * The split sweep end to end: the coordinator plans (a tiny budget forces the split), queues the
 * units on SQS (aws-sdk-client-mock) and the worker entry runs them, reading the demo account
 * through the live collector (its recorded responses served by aws-sdk-client-mock) and storing
 * in a real DynamoDB (Local).
 */
describe('the split sweep: coordinator, queue and worker', () => {
  const dynamo = useDynamoDbLocal();
  const files = readSnapshotDir(DEMO);
  const sqs = mockClient(SQSClient);
  const batches: SendMessageBatchCommandInput[] = [];
  let aws: MockedAws;
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, {
      CUSTOMS_TABLE_NAME: dynamo.tableName,
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    aws = mockAws(files);
    // SQS takes every entry but the second of the first call (a transient failure, documented shape).
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      batches.push(input);
      const entries = input.Entries ?? [];
      const failing = batches.length === 1 ? entries.slice(1, 2) : [];
      return {
        Successful: entries
          .filter((entry) => !failing.includes(entry))
          .map((entry) => ({ Id: entry.Id, MessageId: randomUUID(), MD5OfMessageBody: 'd41d8cd98f00b204' })),
        Failed: failing.map((entry) => ({
          Id: entry.Id,
          SenderFault: false,
          Code: 'InternalError',
          Message: 'We encountered an internal error. Please try again.',
        })),
      };
    });
  });
  afterAll(() => {
    vi.useRealTimers();
    aws?.restore();
    sqs.restore();
    process.env = saved;
  });

  /** Runs the coordinator with the tiny budget and returns the message bodies it queued. */
  async function coordinate() {
    nextSweepTime();
    batches.length = 0;
    const dependencies = await lambdaDependencies();
    const enqueue = sqsEnqueuer(new SQSClient({ region: 'eu-west-1' }), QUEUE_URL, { backoffMs: 1 });
    const outcome = await planOrRunSweep(dependencies, { budget: TINY, enqueue });
    const bodies = batches.flatMap((batch) => (batch.Entries ?? []).map((entry) => entry.MessageBody ?? ''));
    return { outcome, bodies: [...new Set(bodies)], sent: bodies.length };
  }

  it('stores, split into units, the same findings as one sweep, finding for finding', async () => {
    // Prepare: a second table for the single sweep
    const single = `single-${randomUUID()}`;
    await createFindingsTable(dynamo.client, single);
    const splitStore = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const singleStore = new FindingsRepository({ client: dynamo.client, tableName: single });
    // Act
    const { outcome, bodies, sent } = await coordinate();
    const result = await sweepWorker(sqsEvent(bodies), localLambdaContext('sweep-worker'));
    nextSweepTime();
    await runSweep({ ...(await lambdaDependencies()), repository: singleStore });
    // Assess: one unit per repository, each queued once although SQS failed one entry the first time
    const units = bodies.map((body) => JSON.parse(body) as SweepUnit);
    expect(outcome).toMatchObject({ split: true, enqueued: 10 });
    expect(units.filter((unit) => unit.service === 'ecr-repositories')).toHaveLength(5);
    expect(units.map((unit) => unit.service).filter((service) => service !== 'ecr-repositories')).toEqual([
      'iam',
      'ecr-registry',
      'eks',
      'ecs',
      'k8s-clusters',
    ]);
    expect(sent).toBe(11);
    expect(batches.map((batch) => batch.Entries?.length)).toEqual([10, 1]);
    expect(result).toEqual({ batchItemFailures: [] });
    const split = await allFindings(splitStore);
    expect(split.length).toBeGreaterThan(30);
    expect(comparable(split)).toEqual(comparable(await allFindings(singleStore)));
  });

  it('resolves the findings of a repository deleted between two split sweeps, and only those', async () => {
    // Prepare
    const store = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const before = await allFindings(store);
    expect(before.filter((finding) => repositoryOf(finding) === DELETED).length).toBeGreaterThan(4);
    aws.restore();
    aws = mockAws(withoutRepository(files, DELETED));
    // Act
    const { outcome, bodies } = await coordinate();
    const result = await sweepWorker(sqsEvent(bodies), localLambdaContext('sweep-worker'));
    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    const after = await allFindings(store);
    const gone = after.filter((finding) => repositoryOf(finding) === DELETED);
    expect(gone.map((finding) => finding.resourceType)).toEqual(
      expect.arrayContaining(['ecr-repository', 'ecr-image']),
    );
    for (const finding of gone)
      expect(finding).toMatchObject({
        state: 'RESOLVED',
        status: 'NOT_APPLICABLE',
        resolvedReason: 'Not found by the sweep: the repository no longer exists',
      });
    // the coordinator resolved them (no slice reads a repository that is gone)
    expect(outcome.changes.map((change) => change.findingId).sort()).toEqual(
      gone.map((finding) => finding.id).sort(),
    );
    // The demo's legacy-batch:4 runs an image of that repository: its pinning finding now cannot
    // tell the repository's tag mutability (the repository is gone); nothing else moves but its
    // deployed-image findings.
    const pinning = (finding: StoredFinding) =>
      finding.checkId === 'ecs-task-definition-images-pinned' && finding.resourceName === `${DELETED}:4`;
    expect(after.find(pinning)?.message).toContain('tag mutability unknown');
    // Its deployed-image findings follow: the image it runs is deleted from ECR while it runs.
    const deployed = (finding: StoredFinding) =>
      finding.checkId.startsWith('ecs-task-definition-deployed-images-') &&
      finding.resourceName === `${DELETED}:4`;
    expect(
      after.find((f) => deployed(f) && f.checkId === 'ecs-task-definition-deployed-images-in-ecr'),
    ).toMatchObject({ status: 'FAIL', message: expect.stringContaining('still runs, deleted from ECR') });
    const others = (findings: StoredFinding[]) =>
      comparable(findings.filter((f) => repositoryOf(f) !== DELETED && !pinning(f) && !deployed(f)));
    expect(others(after)).toEqual(others(before));
  });

  it('reports a failing unit in batchItemFailures and stores the others', async () => {
    // Prepare: a fresh table, and the network failing on EKS's ListClusters
    const table = `failing-${randomUUID()}`;
    await createFindingsTable(dynamo.client, table);
    const worker = createSweepWorker(() => lambdaDependencies({ ...process.env, CUSTOMS_TABLE_NAME: table }));
    aws.eks.on(ListClustersCommand).rejects(new Error('socket hang up'));
    const units: SweepUnit[] = [
      { service: 'ecr-registry', region: 'eu-west-1' },
      { service: 'eks', region: 'eu-west-1' },
      { service: 'ecr-repositories', region: 'eu-west-1', start: 0, count: 10 },
      { service: 'iam', region: 'us-east-1' },
    ];
    const event = sqsEvent([...units.map((unit) => JSON.stringify(unit)), '{"service":"ecr-repositories"}']);
    const [, eks, , , malformed] = event.Records;
    // Act
    const result = await worker(event, localLambdaContext('sweep-worker'));
    // Assess
    expect(result.batchItemFailures).toEqual([
      { itemIdentifier: eks?.messageId },
      { itemIdentifier: malformed?.messageId },
    ]);
    const stored = await allFindings(new FindingsRepository({ client: dynamo.client, tableName: table }));
    const types = new Set(stored.map((finding) => finding.resourceType));
    expect([...types].sort()).toEqual(
      [
        'ecr-image',
        'ecr-registry',
        'ecr-repository',
        'iam-account',
        'iam-policy',
        'iam-role',
        'iam-user',
      ].sort(),
    );
  });
});
