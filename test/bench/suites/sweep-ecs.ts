import { performance } from 'node:perf_hooks';
import { AwsCollector, createAwsClients, ecsCalls, snapshotPath } from '@customs/aws';
import { cliJson } from '../../../packages/aws/test/helpers/fixtures.js';
import { createAnswerer, serveFromMiddleware } from '../../../packages/aws/test/live/helpers/mock-aws.js';
import type { SnapshotFiles } from '../../../packages/aws/test/live/helpers/snapshot-files.js';
import { fmt } from '../measure.js';

const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const LATENCY_MS = 2;
const CONCURRENCY = { ecs: 4, iam: 2 };
/** 2,500 families of 4 revisions; 40 services a cluster, 9 tasks a service, 4 standalone tasks per standalone revision. */
const SIZE = { clusters: 50, services: 2000, families: 2500, revisions: 4, tasksPerService: 9 };
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Test-Role`;
const AUDIT = 'arn:aws:iam::aws:policy/SecurityAudit';

type Body = Record<string, unknown>;
const arn = (kind: string, name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${kind}/${name}`;

/**
 * An ECS account from AWS's ECS samples (fixtures/cli/ecs): 50 clusters, 2,000 services, 10,000
 * ACTIVE revisions (2,500 families × 4) of which 2,500 in use (the services' 2,000: the latest
 * for even services, the one before for odd ones; and revision 2 of the other 500 families, run
 * by standalone tasks) and 20,000 running tasks; every revision has the same task role. Assessed:
 * the 2,500 latest, plus the 1,000 odd services' and 500 standalone revisions: 4,000.
 */
function generateEcsAccount(): { files: SnapshotFiles; assessed: number; tasks: number } {
  const files: SnapshotFiles = new Map();
  const [cluster] = (cliJson('ecs/describe-clusters-1.json') as { clusters: Body[] }).clusters;
  const [service] = (cliJson('ecs/describe-services.json') as { services: Body[] }).services;
  const [deployment] = (service?.deployments ?? []) as Body[];
  const definition = cliJson('ecs/describe-task-definition.json') as { taskDefinition: Body; tags: [] };
  const [task] = (cliJson('ecs/describe-tasks-1.json') as { tasks: Body[] }).tasks;
  const clusters = Array.from({ length: SIZE.clusters }, (_, index) => `cluster-${index}`);
  files.set('ecs/ListClusters.json', { clusterArns: clusters.map((name) => arn('cluster', name)) });
  files.set('ecs/DescribeClusters.json', {
    clusters: clusters.map((name) => ({ ...cluster, clusterName: name, clusterArn: arn('cluster', name) })),
    failures: [],
  });
  const revisions: string[] = [];
  for (let family = 0; family < SIZE.families; family++) {
    for (let revision = 1; revision <= SIZE.revisions; revision++)
      revisions.push(`app-${family}:${revision}`);
  }
  files.set('ecs/ListTaskDefinitions.json', {
    taskDefinitionArns: revisions.map((name) => arn('task-definition', name)),
  });
  const used = new Set<string>();
  let taskCount = 0;
  const perCluster = SIZE.services / SIZE.clusters;
  const standalonePerCluster = (SIZE.families - SIZE.services) / SIZE.clusters;
  clusters.forEach((clusterName, c) => {
    const services = Array.from({ length: perCluster }, (_, s) => {
      const index = c * perCluster + s;
      const revision = `app-${index}:${index % 2 === 0 ? SIZE.revisions : SIZE.revisions - 1}`;
      used.add(revision);
      const serviceName = `svc-${index}`;
      return {
        ...service,
        serviceName,
        serviceArn: arn('service', `${clusterName}/${serviceName}`),
        clusterArn: arn('cluster', clusterName),
        taskDefinition: arn('task-definition', revision),
        deployments: [{ ...deployment, taskDefinition: arn('task-definition', revision) }],
      };
    });
    files.set(snapshotPath('ecs', 'ListServices', clusterName), {
      serviceArns: services.map((s) => s.serviceArn),
    });
    files.set(snapshotPath('ecs', 'DescribeServices', clusterName), { services, failures: [] });
    const tasks: Body[] = [];
    for (const s of services) {
      for (let t = 0; t < SIZE.tasksPerService; t++) {
        tasks.push({
          ...task,
          taskArn: arn('task', `${clusterName}/${s.serviceName}-${t}`),
          taskDefinitionArn: s.taskDefinition,
        });
      }
    }
    for (let k = 0; k < standalonePerCluster; k++) {
      const revision = `app-${SIZE.services + c * standalonePerCluster + k}:2`;
      used.add(revision);
      for (let t = 0; t < 4; t++) {
        tasks.push({
          ...task,
          taskArn: arn('task', `${clusterName}/batch-${k}-${t}`),
          taskDefinitionArn: arn('task-definition', revision),
          startedBy: 'events-rule',
        });
      }
    }
    taskCount += tasks.length;
    files.set(snapshotPath('ecs', 'ListTasks', clusterName), { taskArns: tasks.map((t) => t.taskArn) });
    files.set(snapshotPath('ecs', 'DescribeTasks', clusterName), { tasks, failures: [] });
  });
  const latest = new Set(
    Array.from({ length: SIZE.families }, (_, family) => `app-${family}:${SIZE.revisions}`),
  );
  const assessed = new Set([...latest, ...used]);
  for (const name of assessed) {
    const [family = '', revision = '0'] = name.split(':');
    files.set(snapshotPath('ecs', 'DescribeTaskDefinition', name), {
      ...definition,
      taskDefinition: {
        ...definition.taskDefinition,
        taskDefinitionArn: arn('task-definition', name),
        family,
        revision: Number(revision),
        taskRoleArn: ROLE,
      },
    });
  }
  files.set(
    snapshotPath('iam', 'ListAttachedRolePolicies', 'Test-Role'),
    cliJson('iam/list-attached-role-policies.json'),
  );
  files.set(snapshotPath('iam', 'ListRolePolicies', 'Test-Role'), { PolicyNames: [] });
  files.set(snapshotPath('iam', 'GetPolicy', AUDIT), { Policy: { Arn: AUDIT, DefaultVersionId: 'v2' } });
  files.set(snapshotPath('iam', 'GetPolicyVersion', AUDIT, 'v2'), cliJson('iam/get-policy-version.json'));
  return { files, assessed: assessed.size, tasks: taskCount };
}

/**
 * The region's ECS unit (`collectUnit({ service: 'ecs' })`) over a mocked account: the calls made
 * next to the fewest pagination and batching allow (`ecsCalls`, from CALLS), and the wall time
 * next to ECS calls × latency ÷ concurrency.
 */
export async function benchEcsSweep(): Promise<string[]> {
  const { files, assessed, tasks } = generateEcsAccount();
  const aws = createAnswerer(files, { latencyMs: LATENCY_MS, logInputs: false });
  const clients = createAwsClients({ region: REGION });
  serveFromMiddleware(clients, aws);
  const collector = await AwsCollector.open({
    clients,
    region: REGION,
    accountId: ACCOUNT,
    concurrency: CONCURRENCY,
  });
  const start = performance.now();
  const { resources } = await collector.collectUnit({ service: 'ecs' });
  const wallMs = performance.now() - start;
  const minimum = ecsCalls({
    clusters: SIZE.clusters,
    services: SIZE.services,
    activeRevisions: SIZE.families * SIZE.revisions,
    assessedRevisions: assessed,
    runningTasks: tasks,
    roles: 1,
    managedPolicies: 1,
  });
  const made: Record<string, number> = {};
  for (const { action } of aws.sent) {
    const service = action.split(':')[0] ?? '';
    made[service] = (made[service] ?? 0) + 1;
  }
  const ideal = ((made.ecs ?? 0) * LATENCY_MS) / CONCURRENCY.ecs;
  const lines = [
    `ECS sweep unit (collectUnit ecs over mocked AWS: ${SIZE.clusters} clusters, ${fmt(SIZE.services)} services, ${fmt(SIZE.families * SIZE.revisions)} revisions of which ${fmt(assessed)} assessed, ${fmt(tasks)} running tasks, ${LATENCY_MS} ms a call)`,
  ];
  for (const service of ['ecs', 'iam'] as const) {
    lines.push(
      `  ${service.padEnd(4)} ${fmt(made[service] ?? 0).padStart(8)} calls  minimum ${fmt(minimum[service]).padStart(8)}  ratio ${fmt((made[service] ?? 0) / minimum[service], 3)}  peak in flight ${collector.limiters[service].peak}/${CONCURRENCY[service]}`,
    );
  }
  lines.push(
    `  wall ${fmt(wallMs).padStart(8)} ms     ECS calls × latency ÷ concurrency ${fmt(ideal)} ms  ratio ${fmt(wallMs / ideal, 2)}  (${fmt(resources.length)} resources)`,
  );
  return lines;
}
