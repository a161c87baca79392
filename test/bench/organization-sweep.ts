import { fileURLToPath } from 'node:url';
import {
  AccountRouter,
  ALL_READERS,
  accountDirectory,
  createAwsClients,
  LiveCollector,
  MemberCredentials,
  type Scope,
} from '@customs/aws';
import { DEFAULT_CONFIG } from '@customs/core';
import { localLambdaContext } from '@customs/local';
import type { PipelineDependencies } from '@customs/pipeline';
import type { FindingsRepository } from '@customs/store';
import { createSweepHandler } from '../../functions/src/sweep-handler.js';
import { createSweepWorker } from '../../functions/src/sweep-worker.js';
import { sqsEvent } from '../../functions/test/helpers/organization-fixtures.js';
import { SWEEP_SUBSCRIPTION, SWEEP_WORKER } from '../../infra/sweep-queue-args.js';
import {
  type Answerer,
  createAnswerer,
  serveFromMiddleware,
} from '../../packages/aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir, type SnapshotFiles } from '../../packages/aws/test/live/helpers/snapshot-files.js';

const DEMO = fileURLToPath(new URL('../../packages/local/snapshots/demo/', import.meta.url));
const DEMO_ACCOUNT = '111122223333'; // the demo's account.json
const DEMO_REGION = 'eu-west-1';
export const HOME = DEMO_ACCOUNT;

/** The size of an organisation's sweep: `accounts` member accounts (the home one among them) × `regions`. */
export interface OrganizationSize {
  accounts: number;
  regions: readonly string[];
}

/** The i-th account id of the organisation (the home account first). */
export function accountIdOf(index: number): string {
  return index === 0 ? HOME : `${400_000_000_000 + index}`;
}

/** The demo's repository and IAM entities a small account keeps (the first of each list). */
const KEEP = { repositories: 1, iam: 1 };

/**
 * A small account from the demo's bodies (AWS's shapes, in `accountId` and `region`): its ECR
 * registry and first repository with its images, the first IAM user, group, role and policy of
 * its authorization details, no EKS or ECS cluster (ListClusters answers none).
 */
function smallAccount(demo: SnapshotFiles, { accountId, region }: Scope): SnapshotFiles {
  const files: SnapshotFiles = new Map();
  const moved = (body: unknown) =>
    JSON.parse(JSON.stringify(body).replaceAll(DEMO_ACCOUNT, accountId).replaceAll(DEMO_REGION, region));
  for (const [path, body] of demo) {
    if (['eks/', 'ecs/', 'k8s/'].some((service) => path.startsWith(service))) continue;
    files.set(path, moved(body));
  }
  const repositories = files.get('ecr/DescribeRepositories.json') as { repositories: unknown[] };
  files.set('ecr/DescribeRepositories.json', {
    repositories: repositories.repositories.slice(0, KEEP.repositories),
  });
  const details = files.get('iam/GetAccountAuthorizationDetails.json') as Record<string, unknown>;
  for (const list of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']) {
    details[list] = (details[list] as unknown[]).slice(0, KEEP.iam);
  }
  files.set('eks/ListClusters.json', { clusters: [] });
  files.set('ecs/ListClusters.json', { clusterArns: [] });
  return files;
}

/** STS AssumeRole's documented answer (API reference example), counted; an hour's credentials. */
function fakeSts(now: () => number) {
  const assumed: string[] = [];
  return {
    assumed,
    async send(command: { input: { RoleArn?: string } }) {
      const roleArn = command.input.RoleArn ?? '';
      assumed.push(roleArn);
      return {
        Credentials: {
          AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
          SessionToken: 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW',
          Expiration: new Date(now() + 3_600_000),
        },
        AssumedRoleUser: {
          Arn: `${roleArn}/customs-sweep-worker`,
          AssumedRoleId: 'ARO123EXAMPLE123:customs',
        },
        PackedPolicySize: 8,
        $metadata: {},
      };
    },
  };
}

/** What one organisation sweep did: the queue's messages, the AWS calls by service, STS calls, time. */
export interface OrganizationSweepRun {
  scopes: number;
  /** Messages the coordinator queued (one per account × region). */
  accountMessages: number;
  /** Units the workers queued (the scopes whose plan split), besides the account messages. */
  unitMessages: number;
  /** Every message run by a worker (account messages and units). */
  unitsRun: number;
  /** AssumeRole calls sent to STS. */
  assumeRoleCalls: number;
  /** Distinct member roles assumed. */
  rolesAssumed: number;
  /** AWS calls (ECR, EKS, EC2, IAM, ECS) made, by service. */
  calls: Record<string, number>;
  /** Accounts and regions the calls were made in, `<account> <region>`. */
  scopesRead: Set<string>;
  /** Worker messages that failed (batchItemFailures). */
  failed: number;
  /** Wall time from the coordinator's start to the last unit's end, in milliseconds. */
  wallMs: number;
  /** The workers in parallel (the queue's configured concurrency). */
  concurrency: number;
}

/**
 * The organisation's sweep as deployed: the coordinator (createSweepHandler) queues one message
 * per account × region, the queue hands them to workers (createSweepWorker, `batchSize` messages
 * an invocation) through a pool of `concurrency` workers (the worker's reserved concurrency), each
 * worker plans its scope and queues its units, run the same way. Each account answers from its
 * own mocked clients (AWS-shaped bodies); STS is a counted fake; the store is `repository`.
 * @example const run = await sweepOrganization({ accounts: 100, regions: ['eu-west-1', 'us-east-2'] }, repository);
 */
export async function sweepOrganization(
  size: OrganizationSize,
  repository: FindingsRepository,
  concurrency: number = SWEEP_WORKER.reservedConcurrency,
): Promise<OrganizationSweepRun> {
  const demo = readSnapshotDir(DEMO);
  const [homeRegion = 'eu-west-1'] = size.regions;
  const accounts = Array.from({ length: size.accounts }, (_, index) => accountIdOf(index));
  const answerers = new Map<string, Answerer>();
  const sts = fakeSts(Date.now);
  const members = new MemberCredentials({ roleName: 'CustomsReadOnly', functionName: 'sweep-worker', sts });
  const directory = accountDirectory(accounts.slice(1));
  async function open(scope: Scope) {
    const home = scope.accountId === HOME;
    if (!home) await members.credentials(scope.accountId);
    const answerer = createAnswerer(smallAccount(demo, scope), { logInputs: false });
    const clients = createAwsClients({
      region: scope.region,
      ...(home ? {} : { credentials: members.provider(scope.accountId) }),
    });
    serveFromMiddleware(clients, answerer);
    answerers.set(`${scope.accountId} ${scope.region}`, answerer);
    return LiveCollector.open({ readers: ALL_READERS, clients, ...scope });
  }
  const collector = new AccountRouter({
    home: { accountId: HOME, region: homeRegion },
    isMember: (id) => directory.isMember(id),
    members: () => directory.members(),
    regions: size.regions,
    open,
  });
  const dependencies: PipelineDependencies = {
    collector,
    repository,
    config: DEFAULT_CONFIG,
    clock: () => new Date(),
  };
  const queue: string[] = [];
  const enqueuer = () => async (units: readonly object[]) => {
    for (const unit of units) queue.push(JSON.stringify(unit));
  };
  const logLevel = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT'; // the handlers' loggers, made now: one line a unit otherwise
  const coordinator = createSweepHandler(async () => dependencies, enqueuer);
  const worker = createSweepWorker(async () => dependencies, enqueuer);
  if (logLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
  else process.env.POWERTOOLS_LOG_LEVEL = logLevel;
  const start = performance.now();
  await coordinator({}, localLambdaContext('sweep'));
  const accountMessages = queue.length;
  let unitsRun = 0;
  let failed = 0;
  // The queue's pollers: `concurrency` workers, each taking `batchSize` messages an invocation.
  async function poller() {
    for (let batch = queue.splice(0, SWEEP_SUBSCRIPTION.batchSize); batch.length > 0; ) {
      unitsRun += batch.length;
      const result = await worker(sqsEvent(batch), localLambdaContext('sweep-worker'));
      failed += result.batchItemFailures.length;
      batch = queue.splice(0, SWEEP_SUBSCRIPTION.batchSize);
    }
  }
  // A unit queued while the pollers run is taken by a poller still running, else by a new round.
  while (queue.length > 0) await Promise.all(Array.from({ length: concurrency }, poller));
  const wallMs = performance.now() - start;
  const calls: Record<string, number> = {};
  for (const { action } of [...answerers.values()].flatMap((answerer) => answerer.sent)) {
    const service = action.split(':')[0] ?? '';
    calls[service] = (calls[service] ?? 0) + 1;
  }
  return {
    scopes: accounts.length * size.regions.length,
    accountMessages,
    unitMessages: unitsRun - accountMessages,
    unitsRun,
    assumeRoleCalls: members.calls,
    rolesAssumed: new Set(sts.assumed).size,
    calls,
    scopesRead: new Set(
      [...answerers].filter(([, answerer]) => answerer.sent.length > 0).map(([key]) => key),
    ),
    failed,
    wallMs,
    concurrency,
  };
}
