import type { Resource, ResourceOf } from '@customs/core';
import { describe, expect, it } from 'vitest';
import {
  sampleCluster,
  sampleService,
  sampleTaskDefinition,
  servicePlacement,
} from '../../../core/test/helpers/ecs.js';
import { SnapshotCollector } from '../../src/index.js';
import { ecsSampleSnapshot } from '../helpers/ecs-samples.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';

function ofType<T extends Resource['type']>(resources: Resource[], type: T): ResourceOf<T>[] {
  return resources.filter((resource): resource is ResourceOf<T> => resource.type === type);
}

describe('a snapshot of AWS’s own ECS CLI outputs', () => {
  it('normalises every cluster, service and assessed revision in it, none with unreadable state', async () => {
    // Prepare
    const collector = await SnapshotCollector.open(await writeSnapshot(ecsSampleSnapshot()));
    // Act
    const { resources, warnings } = await collector.collectAll();
    // Assess
    expect(resources.map((resource) => `${resource.type} ${resource.name}`)).toEqual([
      'ecs-cluster default',
      'ecs-cluster sampleCluster',
      'ecs-service default/my-http-service',
      'ecs-task-definition hello_world:8',
    ]);
    for (const resource of resources) expect(resource.unreadable, resource.name).toBeUndefined();
    // the service runs amazon-ecs-sample:1, of which AWS publishes no description
    expect(warnings).toEqual([
      'ecs task definition amazon-ecs-sample:1: used by default/my-http-service, but ECS cannot describe it',
    ]);
  });

  it('gives the model core’s builders describe: the task definition, the service and the cluster', async () => {
    const collector = await SnapshotCollector.open(await writeSnapshot(ecsSampleSnapshot()));
    const { resources } = await collector.collectAll();
    const [definition] = ofType(resources, 'ecs-task-definition');
    expect(definition).toEqual(sampleTaskDefinition());
    const [service] = ofType(resources, 'ecs-service');
    expect(service).toEqual(
      sampleService({
        // the sample's serviceArn is the old format, without the cluster
        id: 'arn:aws:ecs:us-west-2:123456789012:service/my-http-service',
      }),
    );
    const [cluster, withProvider] = ofType(resources, 'ecs-cluster');
    expect(cluster).toEqual(
      sampleCluster({
        // the sample service names no launch type (the builder's default is EC2)
        services: [(({ launchType: _, ...placement }) => placement)(servicePlacement())],
      }),
    );
    // no DescribeCapacityProviders file: the provider is known by the name the cluster gives
    expect(withProvider).toMatchObject({
      accountId: '123456789222',
      region: 'af-south-1',
      capacityProviders: [{ name: 'sampleCapacityProvider' }],
      settings: {},
      services: [],
    });
  });

  it('re-reads each resource by its ref: the revision is the latest ACTIVE of its family', async () => {
    const collector = await SnapshotCollector.open(await writeSnapshot(ecsSampleSnapshot()));
    const { resources, missing } = await collector.collect([
      { type: 'ecs-cluster', name: 'default' },
      { type: 'ecs-service', name: 'my-http-service', parent: 'default' },
      { type: 'ecs-task-definition', name: 'hello_world:8' },
      { type: 'ecs-task-definition', name: 'amazon-ecs-sample:1' },
      { type: 'ecs-cluster', name: 'gone' },
    ]);
    expect(resources.map((resource) => `${resource.type} ${resource.name}`)).toEqual([
      'ecs-cluster default',
      'ecs-service default/my-http-service',
      'ecs-task-definition hello_world:8',
    ]);
    expect(ofType(resources, 'ecs-task-definition')[0]?.use).toEqual({
      latestActive: true,
      services: [],
      runningTasks: 0,
    });
    // in use by the service, but not described: it is not a resource
    expect(missing).toEqual([
      {
        type: 'ecs-task-definition',
        name: 'amazon-ecs-sample:1',
        reason:
          'no longer exists or is no longer in use (ECS cannot describe it: deleted, or deregistered and referenced by nothing)',
      },
      { type: 'ecs-cluster', name: 'gone' },
    ]);
  });
});
