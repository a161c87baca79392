import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import { eventToResourceRefs } from '../../src/refs/event-to-refs.js';
import { parseEvent } from '../../src/schemas/parse-event.js';

type Json = Record<string, unknown> & { detail: Record<string, unknown> };

const SAMPLES = new URL('../../../../test/fixtures/aws-samples/events/', import.meta.url);
const ARN = 'arn:aws:ecs:us-east-1:123456789012';

function read(name: string): Json {
  return JSON.parse(readFileSync(new URL(`${name}.json`, SAMPLES), 'utf8'));
}

/** AWS's CreateCluster CloudTrail record, wrapped as EventBridge delivers it, with another call. */
function ecsCall(
  eventName: string,
  requestParameters: object | null,
  responseElements: object | null = null,
): Json {
  const record = read('cloudtrail-ecs-createcluster');
  return {
    version: '0',
    id: 'e3c6f4ce-EXAMPLE',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.ecs',
    account: '123456789012',
    time: '2018-06-20T19:04:36Z',
    region: 'us-east-1',
    resources: [],
    detail: { ...record, eventName, requestParameters, responseElements },
  };
}

const refsOf = (event: unknown) =>
  eventToResourceRefs(parseEvent(event)).map((ref) =>
    [ref.type, ref.parent, ref.name].filter(Boolean).join(' '),
  );

function rejection(event: unknown): string {
  try {
    refsOf(event);
  } catch (error) {
    if (error instanceof EventValidationError) return error.message;
    throw error;
  }
  throw new Error('the event was accepted');
}

describe('ECS CloudTrail calls → refs (request and response shapes of the ECS API reference)', () => {
  it('re-assesses the cluster AWS created, from its sample', () => {
    expect(refsOf(ecsCall('CreateCluster', { clusterName: 'default' }))).toEqual(['ecs-cluster default']);
    // CreateCluster without a name creates `default`
    expect(refsOf(ecsCall('CreateCluster', {}))).toEqual(['ecs-cluster default']);
    expect(
      refsOf(ecsCall('UpdateClusterSettings', { cluster: `${ARN}:cluster/prod`, settings: [] })),
    ).toEqual(['ecs-cluster prod']);
  });

  it('re-assesses the revision RegisterTaskDefinition made (from its response) and the one it follows', () => {
    const registered = ecsCall(
      'RegisterTaskDefinition',
      { family: 'payments', containerDefinitions: [] },
      {
        taskDefinition: {
          taskDefinitionArn: `${ARN}:task-definition/payments:3`,
          family: 'payments',
          revision: 3,
        },
      },
    );
    expect(refsOf(registered)).toEqual(['ecs-task-definition payments:3', 'ecs-task-definition payments:2']);
    const first = ecsCall(
      'RegisterTaskDefinition',
      { family: 'batch' },
      {
        taskDefinition: { taskDefinitionArn: `${ARN}:task-definition/batch:1` },
      },
    );
    expect(refsOf(first)).toEqual(['ecs-task-definition batch:1']);
  });

  it('re-assesses each revision DeleteTaskDefinitions names, once', () => {
    const deleted = ecsCall(
      'DeleteTaskDefinitions',
      { taskDefinitions: ['payments:1', `${ARN}:task-definition/payments:2`] },
      { taskDefinitions: [{ taskDefinitionArn: `${ARN}:task-definition/payments:1` }], failures: [] },
    );
    expect(refsOf(deleted)).toEqual(['ecs-task-definition payments:1', 'ecs-task-definition payments:2']);
  });

  it('re-assesses an updated service, its cluster and every revision its deployments run', () => {
    const updated = ecsCall(
      'UpdateService',
      { cluster: 'prod', service: 'payments-api', taskDefinition: 'payments' },
      {
        service: {
          serviceArn: `${ARN}:service/prod/payments-api`,
          clusterArn: `${ARN}:cluster/prod`,
          taskDefinition: `${ARN}:task-definition/payments:3`,
          deployments: [
            { status: 'PRIMARY', taskDefinition: `${ARN}:task-definition/payments:3` },
            { status: 'ACTIVE', taskDefinition: `${ARN}:task-definition/payments:2` },
          ],
        },
      },
    );
    expect(refsOf(updated)).toEqual([
      'ecs-service prod payments-api',
      'ecs-cluster prod',
      'ecs-task-definition payments:3',
      'ecs-task-definition payments:2',
    ]);
  });

  it('takes the cluster from a service ARN, and assumes `default` when the request names none', () => {
    expect(refsOf(ecsCall('DeleteService', { service: `${ARN}:service/batch/nightly` }))).toEqual([
      'ecs-service batch nightly',
      'ecs-cluster batch',
    ]);
    expect(refsOf(ecsCall('CreateService', { serviceName: 'web', taskDefinition: 'web:7' }))).toEqual([
      'ecs-service default web',
      'ecs-cluster default',
      'ecs-task-definition web:7',
    ]);
  });

  it('re-assesses the service of a task set, from its ARN or the request', () => {
    const created = ecsCall(
      'CreateTaskSet',
      { service: 'MyService', cluster: 'MyCluster', taskDefinition: 'sample-fargate:2' },
      { taskSet: { taskSetArn: `${ARN}:task-set/MyCluster/MyService/ecs-svc/1234567890123456789` } },
    );
    expect(refsOf(created)).toEqual([
      'ecs-service MyCluster MyService',
      'ecs-cluster MyCluster',
      'ecs-task-definition sample-fargate:2',
    ]);
    const primary = ecsCall('UpdateServicePrimaryTaskSet', {
      cluster: 'MyCluster',
      service: 'MyService',
      primaryTaskSet: 'ecs-svc/1234567890123456789',
    });
    expect(refsOf(primary)).toEqual(['ecs-service MyCluster MyService', 'ecs-cluster MyCluster']);
  });

  it('re-assesses what a tag change tagged, and nothing for a task', () => {
    const tag = (resourceArn: string) => refsOf(ecsCall('TagResource', { resourceArn, tags: [] }));
    expect(tag(`${ARN}:service/prod/payments-api`)).toEqual([
      'ecs-service prod payments-api',
      'ecs-cluster prod',
    ]);
    expect(tag(`${ARN}:cluster/prod`)).toEqual(['ecs-cluster prod']);
    expect(tag(`${ARN}:task-definition/payments:3`)).toEqual(['ecs-task-definition payments:3']);
    expect(tag(`${ARN}:task/prod/0123456789abcdef`)).toEqual([]);
  });

  it("names a capacity provider's cluster when it has one, else nothing (the sweep reads it)", () => {
    expect(refsOf(ecsCall('UpdateCapacityProvider', { name: 'asg', autoScalingGroupProvider: {} }))).toEqual(
      [],
    );
    expect(refsOf(ecsCall('UpdateCapacityProvider', { name: 'mi', cluster: 'prod' }))).toEqual([
      'ecs-cluster prod',
    ]);
  });

  it('names nothing for an account setting: no check reads one', () => {
    const record = read('cloudtrail-ecs-putaccountsettingdefault');
    expect(refsOf(ecsCall('PutAccountSettingDefault', record.requestParameters as object))).toEqual([]);
  });
});

describe('ECS events and calls AWS could not have sent', () => {
  it('rejects a task event without its task definition, naming the field', () => {
    const task = read('ecs-task-state-change');
    const { taskDefinitionArn: _gone, ...detail } = task.detail;
    expect(rejection({ ...task, detail })).toMatch(/^detail\.taskDefinitionArn: /);
    expect(rejection({ ...task, detail: null })).toMatch(/^not an EventBridge event: detail: /);
    const { detail: _none, ...bare } = task;
    expect(rejection(bare)).toMatch(/^not an EventBridge event: detail: /);
  });

  it("rejects names over AWS's limits, in events and calls", () => {
    const deployment = read('ecs-deployment-state-change-completed');
    const long = {
      ...deployment,
      resources: [`arn:aws:ecs:us-west-2:111122223333:service/default/${'s'.repeat(300)}`],
    };
    expect(rejection(long)).toBe('resources.0: is 300 characters; an ECS service name has at most 255');
    const huge = {
      ...deployment,
      resources: [`arn:aws:ecs:us-west-2:111122223333:service/default/${'s'.repeat(3000)}`],
    };
    expect(rejection(huge)).toMatch(/^resources\.0: is 3\d{3} characters; an ARN has at most 2048$/);
    expect(rejection(ecsCall('CreateCluster', { clusterName: 'c'.repeat(256) }))).toBe(
      'detail.requestParameters.clusterName: is 256 characters; an ECS cluster name has at most 255',
    );
  });

  it('rejects lone surrogates and control characters, and values of the wrong type', () => {
    expect(rejection(ecsCall('UpdateCluster', { cluster: 'prod\ud800' }))).toBe(
      'detail.requestParameters.cluster: holds a lone UTF-16 surrogate at position 4; an ECS cluster name is valid Unicode',
    );
    const task = read('ecs-task-state-change');
    const escaped = {
      ...task,
      detail: { ...task.detail, clusterArn: 'arn:aws:ecs:us-west-2:1:cluster/\u001b[2J' },
    };
    expect(rejection(escaped)).toMatch(/^detail\.clusterArn: holds a control character \(U\+001B\)/);
    expect(rejection(ecsCall('UpdateService', { cluster: 'prod', service: { $ne: 1 } }))).toBe(
      'detail.requestParameters.service: expected a string',
    );
    expect(rejection(ecsCall('DeleteTaskDefinitions', { taskDefinitions: [7] }))).toBe(
      'detail.requestParameters.taskDefinitions.0: expected a string',
    );
  });

  it('rejects ARNs that are not what the field holds', () => {
    expect(
      rejection(ecsCall('UpdateCluster', { cluster: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' })),
    ).toBe('detail.requestParameters.cluster: not an ECS ARN (service ec2)');
    expect(rejection(ecsCall('UpdateCluster', { cluster: `${ARN}:service/prod/api` }))).toBe(
      'detail.requestParameters.cluster: not an ECS cluster ARN',
    );
    expect(rejection(ecsCall('DeregisterTaskDefinition', { taskDefinition: 'payments:latest' }))).toBe(
      'detail.requestParameters.taskDefinition: not a task definition family:revision',
    );
    expect(rejection(ecsCall('DeleteService', { service: `${ARN}:service/a/b/c` }))).toBe(
      'detail.requestParameters.service: an ECS service ARN has 1 or 2 non-empty parts after service/',
    );
  });

  it('reads no inherited field and names nothing for prototype keys', () => {
    expect(refsOf(ecsCall('DeleteService', JSON.parse('{"__proto__": {"service": "x"}}')))).toEqual([]);
    expect(refsOf(ecsCall('constructor', { cluster: 'prod' }))).toEqual([]);
  });
});
