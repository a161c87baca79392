import type { EcsCluster, EcsService, EcsTaskDefinition, Resource } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, snapshotPath } from '../../src/index.js';
import { OWN_IMAGE, RUNNING_DIGEST, SECURITY_AUDIT, TASK_ROLE } from './helpers/ecs-fixture.js';
import { fixtureAccount, REGION } from './helpers/fixture-account.js';
import { type MockedAws, type MockOptions, mockAws } from './helpers/mock-aws.js';
import type { SnapshotFiles } from './helpers/snapshot-files.js';

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

async function open(options: MockOptions = {}, files = fixtureAccount()) {
  aws = mockAws(files, options);
  return AwsCollector.open({
    region: REGION,
    clients: aws.clients(REGION),
    reportPolling: { attempts: 1, delayMs: 1 },
  });
}

function ecsOf(resources: Resource[]) {
  return {
    clusters: resources.filter((r): r is EcsCluster => r.type === 'ecs-cluster'),
    services: resources.filter((r): r is EcsService => r.type === 'ecs-service'),
    revisions: resources.filter((r): r is EcsTaskDefinition => r.type === 'ecs-task-definition'),
  };
}

const sentOf = (action: string) => (aws?.sent ?? []).filter((command) => command.action === action);

type Body = Record<string, unknown>;

/** The fixture's `default` cluster with `count` services: describe-services' service under more names (derived). */
function withServices(files: SnapshotFiles, count: number): SnapshotFiles {
  const path = snapshotPath('ecs', 'DescribeServices', 'default');
  const [service] = (files.get(path) as { services: Body[] }).services;
  const services = Array.from({ length: count }, (_, index) => ({
    ...service,
    serviceName: `svc-${String(index).padStart(3, '0')}`,
    serviceArn: `arn:aws:ecs:us-west-2:123456789012:service/default/svc-${String(index).padStart(3, '0')}`,
  }));
  files.set(path, { services, failures: [] });
  files.set(snapshotPath('ecs', 'ListServices', 'default'), {
    serviceArns: services.map((s) => s.serviceArn),
  });
  return files;
}

/** The fixture's running task `count` times, under different task ARNs (derived). */
function withTasks(files: SnapshotFiles, count: number): SnapshotFiles {
  const path = snapshotPath('ecs', 'DescribeTasks', 'default');
  const [task] = (files.get(path) as { tasks: Body[] }).tasks;
  const tasks = Array.from({ length: count }, (_, index) => ({
    ...task,
    taskArn: `${task?.taskArn}-${index}`,
  }));
  files.set(path, { tasks, failures: [] });
  files.set(snapshotPath('ecs', 'ListTasks', 'default'), { taskArns: tasks.map((t) => t.taskArn) });
  return files;
}

describe('ECS, read live (aws-sdk-client-mock with AWS’s shapes)', () => {
  it('assesses the latest ACTIVE revision of each family and every revision in use, saying why', async () => {
    // Act
    const { resources, warnings } = await (await open()).collectAll();
    // Assess
    const { clusters, services, revisions } = ecsOf(resources);
    expect(clusters.map((c) => c.name)).toEqual(['default', 'sampleCluster']);
    expect(services.map((s) => s.name)).toEqual(['default/my-http-service']);
    expect(revisions.map((r) => [r.name, r.use])).toEqual([
      [
        'amazon-ecs-sample:1',
        { latestActive: false, services: ['default/my-http-service'], runningTasks: 0 },
      ],
      ['hello_world:7', { latestActive: false, services: [], runningTasks: 1 }],
      ['hello_world:8', { latestActive: true, services: [], runningTasks: 0 }],
    ]);
    // sleep300:2, sleep360:1 and wordpress:6 are latest but ECS cannot describe them: not found, no warning
    expect(sentOf('ecs:DescribeTaskDefinition').map((c) => c.input.taskDefinition)).toEqual(
      expect.arrayContaining(['sleep300:2', 'sleep360:1', 'wordpress:6']),
    );
    expect(warnings).toEqual([]);
  });

  it('reads a revision’s roles with their policies, its running digests and its ECR tag mutability', async () => {
    const { resources } = await (await open()).collectAll();
    const seventh = ecsOf(resources).revisions.find((r) => r.name === 'hello_world:7');
    expect(seventh?.unreadable).toBeUndefined();
    const wordpress = seventh?.containers.find((c) => c.name === 'wordpress');
    expect(wordpress).toMatchObject({
      image: OWN_IMAGE,
      ecrTagMutability: 'MUTABLE',
      runningDigests: [RUNNING_DIGEST],
    });
    expect(seventh?.roles.map((role) => role.kind)).toEqual(['task', 'execution']);
    expect(seventh?.roles[0]).toEqual({
      kind: 'task',
      arn: TASK_ROLE,
      policies: [
        {
          name: 'SecurityAudit',
          arn: SECURITY_AUDIT,
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
          },
        },
        {
          name: 'pull-images',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' }],
          },
        },
      ],
    });
    // one role named twice (task and execution) is read once
    expect(sentOf('iam:ListAttachedRolePolicies')).toHaveLength(1);
    expect(sentOf('iam:GetPolicyVersion')).toHaveLength(1);
  });

  it('pages lists at 100 and batches DescribeServices by 10 and DescribeTasks by 100', async () => {
    const files = withTasks(withServices(fixtureAccount(), 25), 150);
    const { resources } = await (await open({ pageSize: 100 }, files)).collectAll();
    expect(ecsOf(resources).services).toHaveLength(25);
    expect(sentOf('ecs:DescribeServices').map((c) => (c.input.services as string[]).length)).toEqual([
      10, 10, 5,
    ]);
    expect(sentOf('ecs:ListTasks').filter((c) => c.input.cluster === 'default')).toHaveLength(2);
    expect(sentOf('ecs:DescribeTasks').map((c) => (c.input.tasks as string[]).length)).toEqual([100, 50]);
    expect(sentOf('ecs:ListServices').every((c) => c.input.maxResults === 100)).toBe(true);
    expect(sentOf('ecs:DescribeClusters')).toHaveLength(1);
    const seventh = ecsOf(resources).revisions.find((r) => r.name === 'hello_world:7');
    expect(seventh?.use.runningTasks).toBe(150);
  });

  it('reports a denied DescribeTaskDefinition as unreadable naming the action, never as a verdict', async () => {
    const { resources, warnings } = await (await open({ deny: ['ecs:DescribeTaskDefinition'] })).collectAll();
    const revisions = ecsOf(resources).revisions;
    expect(revisions.length).toBeGreaterThan(0);
    for (const revision of revisions) {
      expect(revision.unreadable?.containers).toBe('AccessDenied: ecs:DescribeTaskDefinition');
    }
    expect(warnings[0]).toMatch(/^AccessDenied: ecs:DescribeTaskDefinition \(\d+ calls\)/);
  });

  it('reports denied DescribeServices and DescribeClusters as unreadable, the resources kept', async () => {
    const { resources } = await (
      await open({ deny: ['ecs:DescribeServices', 'ecs:DescribeClusters'] })
    ).collectAll();
    const { clusters, services } = ecsOf(resources);
    expect(services.map((s) => s.name)).toEqual(['default/my-http-service']);
    expect(services[0]?.unreadable?.deployments).toBe('AccessDenied: ecs:DescribeServices');
    expect(clusters.map((c) => c.name)).toEqual(['default', 'sampleCluster']);
    expect(clusters[0]?.unreadable?.settings).toBe('AccessDenied: ecs:DescribeClusters');
    expect(clusters[0]?.unreadable?.services).toBe('AccessDenied: ecs:DescribeServices');
  });

  it('reads the roles as unreadable when IAM is denied', async () => {
    const { resources } = await (await open({ deny: ['iam:ListAttachedRolePolicies'] })).collectAll();
    const seventh = ecsOf(resources).revisions.find((r) => r.name === 'hello_world:7');
    expect(seventh?.unreadable).toEqual({ roles: 'AccessDenied: iam:ListAttachedRolePolicies' });
  });

  it('still assesses a deregistered (INACTIVE) revision a task runs', async () => {
    const files = fixtureAccount();
    const path = snapshotPath('ecs', 'DescribeTaskDefinition', 'hello_world:7');
    const body = files.get(path) as { taskDefinition: Body };
    files.set(path, { ...body, taskDefinition: { ...body.taskDefinition, status: 'INACTIVE' } });
    const collector = await open({}, files);
    const { resources } = await collector.collectAll();
    const seventh = ecsOf(resources).revisions.find((r) => r.name === 'hello_world:7');
    expect(seventh?.status).toBe('INACTIVE');
    const refs = await collector.collect([{ type: 'ecs-task-definition', name: 'hello_world:7' }]);
    expect(refs.resources.map((r) => r.name)).toEqual(['hello_world:7']);
  });

  it('reports a revision that drops out of use as missing with the reason, and the sweep no longer reads it', async () => {
    // Prepare: the task that ran hello_world:7 has stopped
    const files = fixtureAccount();
    files.set(snapshotPath('ecs', 'ListTasks', 'default'), { taskArns: [] });
    files.set(snapshotPath('ecs', 'DescribeTasks', 'default'), { tasks: [], failures: [] });
    const collector = await open({}, files);
    // Act
    const sweep = await collector.collectAll();
    const refs = await collector.collect([
      { type: 'ecs-task-definition', name: 'hello_world:7' },
      { type: 'ecs-task-definition', name: 'hello_world:8' },
      { type: 'ecs-task-definition', name: 'nothing:1' },
    ]);
    // Assess
    expect(ecsOf(sweep.resources).revisions.map((r) => r.name)).toEqual([
      'amazon-ecs-sample:1',
      'hello_world:8',
    ]);
    expect(refs.resources.map((r) => r.name)).toEqual(['hello_world:8']);
    expect(refs.missing).toEqual([
      {
        type: 'ecs-task-definition',
        name: 'hello_world:7',
        reason:
          'is no longer in use (not the latest ACTIVE revision of its family, and no service deployment, task set or running task uses it)',
      },
      {
        type: 'ecs-task-definition',
        name: 'nothing:1',
        reason:
          'no longer exists or is no longer in use (ECS cannot describe it: deleted, or deregistered and referenced by nothing)',
      },
    ]);
    // the family's latest: by prefix, newest first, one page; the tasks by family
    const listed = sentOf('ecs:ListTaskDefinitions').filter((c) => c.input.familyPrefix === 'hello_world');
    expect(listed[0]?.input).toMatchObject({ familyPrefix: 'hello_world', sort: 'DESC', status: 'ACTIVE' });
    expect(sentOf('ecs:ListTasks').some((c) => c.input.family === 'hello_world')).toBe(true);
  });

  it('skips a revision ref whose use cannot be told, naming why', async () => {
    const collector = await open({ deny: ['ecs:ListTasks'] });
    const { resources, missing, warnings } = await collector.collect([
      { type: 'ecs-task-definition', name: 'hello_world:7' },
    ]);
    expect(resources).toEqual([]);
    expect(missing).toEqual([]);
    expect(warnings).toContain(
      'ref ecs-task-definition hello_world:7 skipped: whether it is in use is unknown: AccessDenied: ecs:ListTasks',
    );
  });
});
