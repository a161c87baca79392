import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import {
  clusterNameOf,
  previousRevision,
  serviceNameOf,
  taskDefinitionOf,
  taskSetServiceOf,
} from '../../src/refs/ecs-names.js';

const F = 'detail.requestParameters.x';

function reason(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof EventValidationError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('ECS names and ARNs', () => {
  it('reads clusters by name or ARN, in every partition', () => {
    expect(clusterNameOf('prod', F)).toBe('prod');
    expect(clusterNameOf('arn:aws:ecs:us-east-1:123456789012:cluster/default', F)).toBe('default');
    expect(clusterNameOf('arn:aws-us-gov:ecs:us-gov-east-1:123456789012:cluster/gov', F)).toBe('gov');
    expect(clusterNameOf('arn:aws-cn:ecs:cn-north-1:123456789012:cluster/cn', F)).toBe('cn');
  });

  it('reads both service ARN forms: service/cluster/name and the old service/name', () => {
    expect(serviceNameOf('arn:aws:ecs:us-west-2:111122223333:service/default/servicetest', F)).toEqual({
      cluster: 'default',
      name: 'servicetest',
    });
    expect(serviceNameOf('arn:aws:ecs:us-west-2:111122223333:service/servicetest', F)).toEqual({
      name: 'servicetest',
    });
  });

  it('reads family:revision from a revision or its ARN, and nothing from a family alone', () => {
    expect(taskDefinitionOf('arn:aws:ecs:us-west-2:111122223333:task-definition/sample-fargate:1', F)).toBe(
      'sample-fargate:1',
    );
    expect(taskDefinitionOf('wordpress:6', F)).toBe('wordpress:6');
    expect(taskDefinitionOf('wordpress', F)).toBeUndefined();
    for (const bad of ['wordpress:', 'wordpress:06', 'wordpress:1e3', ':3', 'wordpress:12345678901'])
      expect(
        reason(() => taskDefinitionOf(bad, F)),
        bad,
      ).toBe(`${F}: not a task definition family:revision`);
    expect(
      reason(() => taskDefinitionOf('arn:aws:ecs:us-west-2:111122223333:task-definition/wordpress', F)),
    ).toBe(`${F}: a task definition ARN names its revision`);
  });

  it('names the revision before, none before the first', () => {
    expect(previousRevision('payments:10')).toBe('payments:9');
    expect(previousRevision('payments:1')).toBeUndefined();
  });

  it("reads a task set's cluster and service from its ARN", () => {
    const arn = 'arn:aws:ecs:us-west-2:123456789012:task-set/MyCluster/MyService/ecs-svc/1234567890123456789';
    expect(taskSetServiceOf(arn, F)).toEqual({ cluster: 'MyCluster', name: 'MyService' });
    expect(taskSetServiceOf('ecs-svc/1234567890123456789', F)).toBeUndefined();
  });

  it('rejects ARNs of the wrong shape in one linear pass, however long', () => {
    expect(reason(() => clusterNameOf('arn:aws:ecs:us-east-1:123456789012', F))).toBe(
      `${F}: not an ECS ARN (too few parts)`,
    );
    expect(reason(() => clusterNameOf('arn:aws:ecs:us-east-1:123456789012:cluster/', F))).toBe(
      `${F}: an ECS cluster ARN has 1 non-empty part after cluster/`,
    );
    expect(reason(() => clusterNameOf(`arn:aws:ecs:${':'.repeat(3000)}`, F))).toMatch(
      /an ARN has at most 2048$/,
    );
    expect(reason(() => clusterNameOf(`arn:${'a:'.repeat(1000)}`, F))).toBe(
      `${F}: not an ECS ARN (service a)`,
    );
  });
});
