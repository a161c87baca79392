import { randomUUID } from 'node:crypto';
import { planSweep, type SweepUnit } from '@customs/aws';
import { localLambdaContext } from '@customs/local';
import { DEFAULT_SWEEP_RATES } from '@customs/pipeline';
import type { SQSEvent } from 'aws-lambda';
import type { SnapshotFiles } from '../../../packages/aws/test/live/helpers/snapshot-files.js';
import type { AwsInterceptor } from './intercept-aws.js';
import { offlineAws, withMoreRepositories } from './offline-aws.js';

/** What a sweep run needs: the AWS interceptor and the snapshot it answers from. */
export interface SweepRunContext {
  aws: AwsInterceptor;
  files: SnapshotFiles;
}

type Invoke = (event: unknown, context: ReturnType<typeof localLambdaContext>) => Promise<unknown>;

/**
 * Repositories added to the account so that its first sweep does not fit one invocation: with
 * no image stored yet, the plan assumes 50 images a repository, about 5 s of ECR's rate each,
 * and one invocation has 630 s (15 minutes less 30 %).
 */
const MORE_REPOSITORIES = 200;
/** A budget that fits one repository a unit, as functions/test/sweep-split.test.ts plans with. */
const TINY = { timeoutMs: 300, margin: 0 };
const QUEUE_ARN = 'arn:aws:sqs:eu-west-1:111122223333:customs-prod-SweepQueue-kxwdzbna';

/** The daily schedule's event (EventBridge Scheduler). */
const SCHEDULED = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '111122223333',
  time: '2026-12-01T03:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:111122223333:rule/customs-prod-DailySweep'],
  detail: {},
};

/**
 * The sweep: first an account too large for one invocation (its first sweep: the coordinator
 * counts, resolves the repositories gone and queues the units); then the demo account, the daily
 * schedule's event and `POST /sweeps`'s payload at once, each sweeping it whole.
 */
export async function sweep(run: SweepRunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/sweep.js');
  const invoke = handler as Invoke;
  const answerAsBefore = run.aws.answerWith(offlineAws(withMoreRepositories(run.files, MORE_REPOSITORIES)));
  try {
    const result = (await invoke(SCHEDULED, localLambdaContext('sweep'))) as { split: boolean };
    if (!result.split) throw new Error('the sweep of a large account did not split');
  } finally {
    answerAsBefore();
  }
  const started = { source: 'customs.api', startedAt: '2026-12-01T03:00:00.000Z' };
  run.aws.gather('BatchGetItem', 2);
  await Promise.all([
    invoke(SCHEDULED, localLambdaContext('sweep')),
    invoke(started, localLambdaContext('sweep')),
  ]);
}

/** One SQS message as Lambda delivers it to its event source's function (documented shape). */
function sqsEvent(unit: SweepUnit): SQSEvent {
  const body = JSON.stringify(unit);
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: `AQEB${randomUUID().replaceAll('-', '')}`,
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '1764558000000',
          SenderId: 'AROAEXAMPLEID:customs-prod-SweepFunction-a1b2c3',
          ApproximateFirstReceiveTimestamp: '1764558000010',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: QUEUE_ARN,
        awsRegion: 'eu-west-1',
      },
    ],
  };
}

/** The units the planner cuts the snapshot's account into: IAM, the registry, EKS, each repository. */
function unitsOf(files: SnapshotFiles): SweepUnit[] {
  const { repositories } = files.get('ecr/DescribeRepositories.json') as { repositories: unknown[] };
  const region = { region: 'eu-west-1', repositories: repositories.length, images: 0, clusters: 2 };
  return planSweep([region], { entities: 0 }, DEFAULT_SWEEP_RATES, TINY).units;
}

/**
 * The sweep worker on the queue's events, one unit each (batch size 1), every unit kind: the
 * first one twice at once, as a unit and an event handler may write the same findings, so that
 * one of them loses the conditional write and re-reads.
 */
export async function sweepWorker(run: SweepRunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/sweep-worker.js');
  async function deliver(unit: SweepUnit): Promise<void> {
    const result = (await (handler as Invoke)(sqsEvent(unit), localLambdaContext('sweep-worker'))) as {
      batchItemFailures: unknown[];
    };
    if (result.batchItemFailures.length > 0) throw new Error(`unit ${JSON.stringify(unit)} failed`);
  }
  const [first, ...others] = unitsOf(run.files);
  const kinds = new Set([first, ...others].map((unit) => unit?.service));
  if (!first || kinds.size < 4) throw new Error(`the plan has units of ${[...kinds].join(', ')} only`);
  run.aws.gather('BatchGetItem', 2);
  await Promise.all([deliver(first), deliver(first)]);
  for (const unit of others) await deliver(unit);
}
