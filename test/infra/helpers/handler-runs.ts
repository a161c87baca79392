import { readFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SnapshotCollector, snapshotPath } from '@customs/aws';
import { DEFAULT_CONFIG, type EventHandlerName } from '@customs/core';
import { EVENT_RULES } from '@customs/events';
import { auditLogEvent, auditLogPayload, localLambdaContext } from '@customs/local';
import { assessRefs } from '@customs/pipeline';
import { FindingsRepository } from '@customs/store';
import type { DynamoDBRecord } from 'aws-lambda';
import { vi } from 'vitest';
import type { FunctionName } from '../../../infra/permissions.js';
import { httpEvent } from '../../../packages/api/test/helpers/http-event.js';
import { snapshotKubernetes } from '../../../packages/aws/test/live/helpers/kubernetes-api.js';
import type { SnapshotFiles } from '../../../packages/aws/test/live/helpers/snapshot-files.js';
import { storedFinding, streamRecord } from '../../../packages/notify/test/helpers/transitions.js';
import { at, CHECKS, cluster, finding, repository } from '../../../packages/store/test/helpers/findings.js';
import { DEMO_SCOPE, demoCloudTrail, demoImageAction, sampleEvent } from '../../helpers/sample-events.js';
import type { AwsInterceptor } from './intercept-aws.js';
import { sweep, sweepWorker } from './sweep-runs.js';

/**
 * What a run needs: the AWS interceptor (to make writers race, to answer from another snapshot),
 * the snapshot it answers from and the function's table.
 */
export interface RunContext {
  aws: AwsInterceptor;
  files: SnapshotFiles;
  client: DynamoDBClient;
  tableName: string;
}

type Invoke = (event: unknown, context: ReturnType<typeof localLambdaContext>) => Promise<unknown>;

const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
const GONE = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
const ROLE = 'arn:aws:iam::111122223333:role/payments-developers';
/** A user created after IAM generated the credential report (see `withUserAfterCredentialReport`). */
export const NEW_USER = 'new.hire';

/** Every CloudTrail `eventName` the handler's deployed rule routes to it. */
function callsRoutedTo(handler: EventHandlerName): string[] {
  const names: string[] = [];
  function walk(node: unknown): void {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'eventName' && Array.isArray(value)) names.push(...value.map(String));
        else walk(value);
      }
    }
  }
  for (const rule of EVENT_RULES.filter((each) => each.handler === handler)) walk(rule.pattern);
  return names;
}

/**
 * One event twice at once, as EventBridge may deliver it: both invocations read the stored
 * findings before either writes, so one of them loses the conditional write and re-reads.
 */
async function deliveredTwice(run: RunContext, invoke: Invoke, event: unknown, name: string) {
  run.aws.gather('BatchGetItem', 2);
  await Promise.all([invoke(event, localLambdaContext(name)), invoke(event, localLambdaContext(name))]);
}

async function invokeEach(invoke: Invoke, name: string, events: unknown[]): Promise<void> {
  for (const event of events) await invoke(event, localLambdaContext(name));
}

/** The digest payments-api:7 and prod's payments/api run (the demo's DescribeTasks and ListPods). */
const RUNNING = 'sha256:3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';

/**
 * The demo's deployments of the payments image in the digest → deployments index, as the ECS and
 * audit handlers leave them: assessed from the snapshot's files, then forgotten by the interceptor
 * (their calls are not this function's).
 */
async function indexPaymentsDeployments(run: RunContext): Promise<void> {
  const collector = await SnapshotCollector.open(
    new URL('../../../packages/local/snapshots/demo/', import.meta.url).pathname,
  );
  const repository = new FindingsRepository({ client: run.client, tableName: run.tableName });
  const refs = [
    { type: 'ecs-task-definition', name: 'payments-api:7' },
    { type: 'k8s-workload', name: 'payments/Deployment/api', parent: 'prod' },
  ] as const;
  await assessRefs([...refs], { collector, repository, config: DEFAULT_CONFIG, clock: () => new Date() });
  run.aws.clear();
}

/** ECR's scan result for the running payments image: it re-reads the ECS revision and the EKS workload running it. */
function runningImageScanned() {
  const event = sampleEvent('ecr-image-scan-basic') as { detail: Record<string, unknown> };
  return {
    ...event,
    detail: { ...event.detail, 'repository-name': 'team/payments-api', 'image-digest': RUNNING },
  };
}

/**
 * ECR image actions, scans, Inspector2 events and every ECR call of the rule; a repository gone;
 * the scan result of an image that runs (the deployments it re-reads, ECS and Kubernetes).
 */
async function onEcrEvent(run: RunContext): Promise<void> {
  const api = await serveDemoKubernetes(run.files);
  try {
    await indexPaymentsDeployments(run);
    await ecrRuns(run);
  } finally {
    await api.close();
  }
}

async function ecrRuns(run: RunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/on-ecr-event.js');
  const invoke = handler as Invoke;
  const push = demoImageAction('PUSH', 'team/payments-api', VULNERABLE, 'v2.13.1');
  await deliveredTwice(run, invoke, push, 'on-ecr-event');
  const parameters = { repositoryName: 'team/payments-api', registryId: '111122223333' };
  await invokeEach(invoke, 'on-ecr-event', [
    demoImageAction('DELETE', 'team/payments-api', GONE, 'v0.0.1'),
    sampleEvent('ecr-image-scan-basic'),
    sampleEvent('inspector2-scan-ecr'),
    sampleEvent('inspector2-finding-ecr'),
    ...callsRoutedTo('on-ecr-event').map((call) => demoCloudTrail('aws.ecr', call, parameters)),
    demoCloudTrail('aws.ecr', 'DeleteRepository', { repositoryName: 'team/retired' }),
    runningImageScanned(),
  ]);
}

/** Every EKS call of the rule on the demo's clusters, nodegroups and access entries; a cluster gone. */
async function onEksEvent(run: RunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/on-eks-event.js');
  const invoke = handler as Invoke;
  await deliveredTwice(
    run,
    invoke,
    demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'prod' }),
    'eks',
  );
  const parameters = { name: 'prod', clusterName: 'prod', nodegroupName: 'payments', principalArn: ROLE };
  await invokeEach(invoke, 'on-eks-event', [
    ...callsRoutedTo('on-eks-event').map((call) => demoCloudTrail('aws.eks', call, parameters)),
    demoCloudTrail('aws.eks', 'DeleteCluster', { name: 'staging' }),
  ]);
}

/**
 * The demo account's ECS resources (issue 12, item 6: a Fargate cluster running a payments
 * service, an EC2 cluster with a batch service); they must match packages/local/snapshots/demo/ecs.
 */
const DEMO_ECS = {
  cluster: 'payments',
  service: 'payments-api',
  revision: 'payments-api:7',
  batchCluster: 'batch',
  batchRevision: 'legacy-batch:4',
};
const ECS_ARN = `arn:aws:ecs:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}`;

function awsSample(name: string): { detail: Record<string, unknown> } & Record<string, unknown> {
  const file = new URL(`../../fixtures/aws-samples/events/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** One of AWS's ECS sample events, for the demo account, with `detail` and `resources` of its own. */
function demoEcsEvent(name: string, detail: object, resources: string[]) {
  const event = awsSample(name);
  return {
    ...event,
    id: crypto.randomUUID(),
    account: DEMO_SCOPE.accountId,
    region: DEMO_SCOPE.region,
    resources,
    detail: { ...event.detail, ...detail },
  };
}

/**
 * Every ECS call of the rule on the demo's clusters, services and revisions (a registration with
 * its response), a standalone task running, a deployment completed, a task set steady; a cluster gone.
 */
async function onEcsEvent(run: RunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/on-ecs-event.js');
  const invoke = handler as Invoke;
  const { cluster: ecsCluster, service, revision, batchCluster, batchRevision } = DEMO_ECS;
  const update = demoCloudTrail('aws.ecs', 'UpdateService', {
    cluster: ecsCluster,
    service,
    taskDefinition: revision,
  });
  await deliveredTwice(run, invoke, update, 'on-ecs-event');
  const parameters = {
    cluster: ecsCluster,
    clusterName: ecsCluster,
    service,
    serviceName: service,
    taskDefinition: revision,
    taskDefinitions: [revision],
    resourceArn: `${ECS_ARN}:service/${ecsCluster}/${service}`,
  };
  const calls = callsRoutedTo('on-ecs-event').map((call) => demoCloudTrail('aws.ecs', call, parameters));
  for (const call of calls.filter((each) => each.detail.eventName === 'RegisterTaskDefinition')) {
    call.detail.responseElements = {
      taskDefinition: { taskDefinitionArn: `${ECS_ARN}:task-definition/${revision}` },
    };
  }
  const serviceArn = `${ECS_ARN}:service/${ecsCluster}/${service}`;
  await invokeEach(invoke, 'on-ecs-event', [
    ...calls,
    demoEcsEvent(
      'ecs-task-state-change',
      {
        clusterArn: `${ECS_ARN}:cluster/${batchCluster}`,
        taskDefinitionArn: `${ECS_ARN}:task-definition/${batchRevision}`,
        startedBy: 'events-rule/nightly-report',
      },
      [`${ECS_ARN}:task/${batchCluster}/c13b4cb40f1f4fe4a2971f76ae5a47ad`],
    ),
    demoEcsEvent('ecs-deployment-state-change-completed', {}, [serviceArn]),
    demoEcsEvent(
      'ecs-service-action-service-steady-state',
      { eventName: 'TASKSET_STEADY_STATE', clusterArn: `${ECS_ARN}:cluster/${ecsCluster}` },
      [serviceArn],
    ),
    demoCloudTrail('aws.ecs', 'DeleteCluster', { cluster: 'retired' }),
  ]);
}

/** The demo's bare pod in `default` on `prod`, privileged, as the API server stores it (Kubernetes docs' nginx). */
const DEMO_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug', namespace: 'default' },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', securityContext: { privileged: true } }] },
};

/**
 * Audit-log payloads of the demo's `prod` cluster naming every kind of ref (a bare pod, a
 * Deployment, a namespace, the cluster's RBAC), one of them twice at once; an owned pod and a read
 * (nothing re-read); a control message; the audit log of a cluster gone (`retired`).
 */
async function onK8sAudit(run: RunContext): Promise<void> {
  const api = await serveDemoKubernetes(run.files);
  try {
    await auditRuns(run);
  } finally {
    await api.close();
  }
}

/**
 * The demo's `prod` cluster's Kubernetes API on loopback (its k8s/ files; the token verified with
 * the test's credentials), and its DescribeCluster answering that endpoint and CA while it runs.
 */
async function serveDemoKubernetes(files: SnapshotFiles): Promise<{ close(): Promise<void> }> {
  const kubernetes = snapshotKubernetes(files, {
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
    },
  });
  const path = snapshotPath('eks', 'DescribeCluster', 'prod');
  const described = files.get(path) as { cluster: Record<string, unknown> };
  files.set(path, await kubernetes.describe(described));
  return {
    async close() {
      files.set(path, described);
      await kubernetes.close();
    },
  };
}

async function auditRuns(run: RunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/on-k8s-audit.js');
  const invoke = handler as Invoke;
  const pod = auditLogEvent({
    verb: 'create',
    resource: 'pods',
    namespace: 'default',
    name: 'debug',
    responseObject: DEMO_POD,
  });
  await deliveredTwice(run, invoke, auditLogPayload(DEMO_SCOPE, 'prod', [pod]), 'on-k8s-audit');
  const owned = {
    ...DEMO_POD,
    metadata: { ...DEMO_POD.metadata, name: 'web-1', ownerReferences: [{ kind: 'ReplicaSet', name: 'web' }] },
  };
  const messages = [
    auditLogEvent({
      verb: 'patch',
      resource: 'deployments',
      apiGroup: 'apps',
      namespace: 'default',
      name: 'web',
    }),
    // The demo's payments API: its images are in this account's ECR (their tag mutability is read)
    auditLogEvent({
      verb: 'patch',
      resource: 'deployments',
      apiGroup: 'apps',
      namespace: 'payments',
      name: 'api',
    }),
    auditLogEvent({ verb: 'update', resource: 'namespaces', name: 'default' }),
    auditLogEvent({
      verb: 'create',
      resource: 'clusterrolebindings',
      apiGroup: 'rbac.authorization.k8s.io',
      name: 'ops',
    }),
    auditLogEvent({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      name: 'web-1',
      responseObject: owned,
    }),
    auditLogEvent({ verb: 'get', resource: 'pods', namespace: 'default', name: 'debug' }),
  ];
  const control = { ...auditLogPayload(DEMO_SCOPE, 'prod', [], 'decoded'), messageType: 'CONTROL_MESSAGE' };
  await invokeEach(invoke, 'on-k8s-audit', [
    auditLogPayload(DEMO_SCOPE, 'prod', messages),
    control,
    auditLogPayload(DEMO_SCOPE, 'retired', [pod]),
  ]);
}

/** Every IAM call of the rule on the demo's users, roles and policies; the root user's MFA; a user gone. */
async function onIamEvent(run: RunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/on-iam-event.js');
  const invoke = handler as Invoke;
  const created = demoCloudTrail('aws.iam', 'CreateUser', { userName: NEW_USER });
  await deliveredTwice(run, invoke, created, 'on-iam-event');
  const parameters = {
    userName: 'ci-legacy',
    roleName: 'payments-developers',
    policyArn: 'arn:aws:iam::111122223333:policy/legacy-ci-ecr-full',
  };
  const rootMfa = demoCloudTrail('aws.iam', 'DeactivateMFADevice', {});
  rootMfa.detail.userIdentity = { type: 'Root', principalId: '111122223333', accountId: '111122223333' };
  await invokeEach(invoke, 'on-iam-event', [
    ...callsRoutedTo('on-iam-event').map((call) => demoCloudTrail('aws.iam', call, parameters)),
    rootMfa,
    demoCloudTrail('aws.iam', 'DeleteUser', { userName: 'mallory' }),
  ]);
}

/**
 * The stream and the retry schedule: an empty batch (the schedule), a new finding while Slack
 * asks to wait, the schedule again once Slack is back, the finding resolved, the same batch twice.
 */
async function onFindingChange(_run: RunContext, slack: { down: boolean }): Promise<void> {
  const { handler } = await import('../../../functions/src/on-finding-change.js');
  const invoke = (records: DynamoDBRecord[]) =>
    (handler as Invoke)({ Records: records }, localLambdaContext('on-finding-change'));
  const opened = storedFinding({ id: 'least-privilege', severity: 'critical' });
  const resolved = storedFinding({
    id: 'least-privilege',
    severity: 'critical',
    version: 2,
    state: 'RESOLVED',
    status: 'PASS',
    message: 'Repository team/payments-api scans on push',
  });
  await invoke([]);
  slack.down = true;
  await invoke([streamRecord(undefined, opened)]);
  slack.down = false;
  // Slack's Retry-After (60 s) passes (the clock moves on; timers stay real): the held-off
  // webhook's pending delivery goes out, then a batch, twice.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 61_000);
  try {
    await invoke([]);
    const batch = [streamRecord(opened, resolved)];
    await invoke(batch);
    await invoke(batch);
  } finally {
    vi.useRealTimers();
  }
}

/** Every route of the API, with findings stored, a suppression made and deleted, a sweep started. */
async function api(run: RunContext): Promise<void> {
  const { handler } = await import('../../../functions/src/api.js');
  const prod = finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0));
  const repo = finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(1));
  await new FindingsRepository({ client: run.client, tableName: run.tableName }).applyEvaluation([
    prod,
    repo,
  ]);
  run.aws.clear();
  const alice = 'arn:aws:iam::111122223333:user/alice';
  async function call(method: string, path: string, options: Parameters<typeof httpEvent>[2] = {}) {
    const result = (await (handler as Invoke)(
      httpEvent(method, path, { iamUser: alice, ...options }),
      localLambdaContext('api'),
    )) as { statusCode: number; body?: string };
    if (result.statusCode >= 400) throw new Error(`${method} ${path}: ${result.statusCode} ${result.body}`);
    return JSON.parse(result.body ?? 'null');
  }
  await call('GET', '/openapi.json');
  const first = await call('GET', '/findings', { query: { limit: '1' } });
  await call('GET', '/findings', { query: { limit: '1', cursor: first.cursor } });
  await call('GET', '/findings', { query: { severity: 'high', status: 'FAIL' } });
  await call('GET', `/findings/${prod.id}`);
  await call('GET', `/findings/${prod.id}/history`);
  await call('GET', `/resources/${encodeURIComponent(prod.resourceId)}/findings`);
  await call('GET', '/summary');
  await call('GET', '/checks');
  const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const body = JSON.stringify({
    checkId: CHECKS.scanOnPush.checkId,
    reason: 'Sandbox',
    owner: 'platform',
    expiresAt,
  });
  const created = await call('POST', '/suppressions', { body });
  await call('GET', '/suppressions');
  await call('DELETE', `/suppressions/${created.suppression.id}`);
  await call('POST', '/sweeps');
}

/** How each deployed function is run through representative inputs. */
export const HANDLER_RUNS: Record<
  FunctionName,
  (run: RunContext, slack: { down: boolean }) => Promise<void>
> = {
  'on-ecr-event': onEcrEvent,
  'on-eks-event': onEksEvent,
  'on-ecs-event': onEcsEvent,
  'on-iam-event': onIamEvent,
  'on-k8s-audit': onK8sAudit,
  sweep,
  'sweep-worker': sweepWorker,
  'on-finding-change': onFindingChange,
  api,
};
