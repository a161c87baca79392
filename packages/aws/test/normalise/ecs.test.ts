import { describe, expect, it } from 'vitest';
import {
  normaliseEcsService,
  normaliseEcsTaskDefinition,
  revisionsInUse,
  unreadable,
} from '../../src/index.js';
import * as schemas from '../../src/snapshot/schemas/index.js';
import { cli, cliJson } from '../helpers/fixtures.js';

const scope = { accountId: '012345678910', region: 'us-east-1' };
const use = { latestActive: true, services: [], runningTasks: 0 };

function definition(overrides: Record<string, unknown> = {}) {
  const { taskDefinition } = cli('ecs/describe-task-definition.json', schemas.ecs.describeTaskDefinition);
  return { ...taskDefinition, ...overrides };
}

function normalise(taskDefinition: ReturnType<typeof definition>) {
  return normaliseEcsTaskDefinition({
    scope,
    taskDefinition,
    tags: [],
    use,
    runningDigests: new Map(),
    ecrTagMutability: new Map(),
    roles: [],
  });
}

describe('normaliseEcsTaskDefinition on odd input', () => {
  it('keeps a definition with no containers, with one bounded warning naming it', () => {
    const { resource, warnings } = normalise(definition({ containerDefinitions: [] }));
    expect(resource.containers).toEqual([]);
    expect(warnings).toEqual(['ecs task definition hello_world:8: it has no containerDefinitions']);
  });

  it('keeps a container without image or name, and an unknown network mode, naming each', () => {
    const { resource, warnings } = normalise(
      definition({ networkMode: 'bridge\u001b[31m-ish', containerDefinitions: [{ essential: true }] }),
    );
    expect(resource.containers[0]).toMatchObject({ name: '#1', environment: [], runningDigests: [] });
    expect(resource.containers[0]?.image).toBeUndefined();
    expect(resource.networkMode).toBe('bridge\u001b[31m-ish');
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).not.toContain('\u001b');
  });

  it('bounds the warnings of a hostile body', () => {
    const containerDefinitions = Array.from({ length: 1000 }, () => ({}));
    const { resource, warnings } = normalise(definition({ containerDefinitions }));
    expect(resource.containers).toHaveLength(1000);
    expect(warnings).toHaveLength(6);
    expect(warnings[5]).toMatch(/more odd field\(s\) not listed$/);
  });

  it('reads a Windows definition as it is, its user as written', () => {
    const containers = definition().containerDefinitions ?? [];
    const { resource, warnings } = normalise(
      definition({
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
        containerDefinitions: containers.map((c: Record<string, unknown>) => ({
          ...c,
          user: 'containeradministrator',
        })),
      }),
    );
    expect(resource.operatingSystemFamily).toBe('WINDOWS_SERVER_2022_CORE');
    expect(resource.containers.map((c) => c.user)).toEqual([
      'containeradministrator',
      'containeradministrator',
    ]);
    expect(warnings).toEqual([]);
  });

  it('marks running digests and roles unreadable with the reason', () => {
    const { resource } = normaliseEcsTaskDefinition({
      scope,
      taskDefinition: definition(),
      tags: [{ key: 'team', value: 'web' }],
      use,
      runningDigests: unreadable('AccessDenied: ecs:DescribeTasks'),
      ecrTagMutability: new Map(),
      roles: unreadable('AccessDenied: iam:ListRolePolicies'),
    });
    expect(resource.unreadable).toEqual({
      runningDigests: 'AccessDenied: ecs:DescribeTasks',
      roles: 'AccessDenied: iam:ListRolePolicies',
    });
    expect(resource.tags).toEqual({ team: 'web' });
  });
});

describe('normaliseEcsService', () => {
  it('reads a task set’s network and says which revisions the service runs (not DRAINING ones)', () => {
    // Prepare: describe-services' service with describe-task-sets' task set, and that task set DRAINING
    const { services } = cli('ecs/describe-services.json', schemas.ecs.describeServices);
    const { taskSets } = cliJson('ecs/describe-task-sets.json') as { taskSets: Record<string, unknown>[] };
    const service = { ...services[0], taskSets };
    const draining = { ...services[0], taskSets: taskSets.map((set) => ({ ...set, status: 'DRAINING' })) };
    // Act
    const normalised = normaliseEcsService({ scope, clusterName: 'default', service });
    // Assess
    expect(normalised.name).toBe('default/my-http-service');
    expect(normalised.taskSets[0]).toMatchObject({
      assignPublicIp: 'DISABLED',
      launchType: 'EC2',
      status: 'ACTIVE',
    });
    expect(revisionsInUse(normalised).map((arn) => arn.split('/').pop())).toEqual([
      'amazon-ecs-sample:1',
      'sample-fargate:2',
    ]);
    expect(
      revisionsInUse(normaliseEcsService({ scope, clusterName: 'default', service: draining })).map((arn) =>
        arn.split('/').pop(),
      ),
    ).toEqual(['amazon-ecs-sample:1']);
  });
});
