import type { Cluster } from '@aws-sdk/client-ecs';
import type { EcsRevisionUse, EcsService, EcsTaskDefinition } from '@customs/core';
import { familyRevision, lastName } from './ecs-common.js';
import { locate, type Scope, type Wire } from './wire.js';

/** What the checks of a service read, all unknown when DescribeServices could not be read. */
const SERVICE_PROPERTIES = [
  'status',
  'launchType',
  'capacityProviderStrategy',
  'platformVersion',
  'platformFamily',
  'taskDefinitionArn',
  'assignPublicIp',
  'enableExecuteCommand',
  'schedulingStrategy',
  'deployments',
  'taskSets',
  'placementConstraints',
  'tags',
] as const;

/** What the checks of a revision read, all unknown when DescribeTaskDefinition could not be read. */
const TASK_DEFINITION_PROPERTIES = [
  'status',
  'networkMode',
  'pidMode',
  'ipcMode',
  'requiresCompatibilities',
  'compatibilities',
  'operatingSystemFamily',
  'memory',
  'taskRoleArn',
  'executionRoleArn',
  'containers',
  'volumes',
  'roles',
  'tags',
] as const;

const every = (properties: readonly string[], reason: string) =>
  Object.fromEntries(properties.map((property) => [property, reason]));

/**
 * A listed service whose description could not be read (access denied, a service error): the
 * resource exists, so its checks report ERROR naming the reason instead of it vanishing.
 * @example unreadableService(scope, 'prod', serviceArn, 'AccessDenied: ecs:DescribeServices').unreadable?.deployments
 */
export function unreadableService(
  scope: Scope,
  clusterName: string,
  arn: string,
  reason: string,
): EcsService {
  const serviceName = lastName(arn);
  const where = locate(arn, scope);
  return {
    type: 'ecs-service',
    id: arn.startsWith('arn:')
      ? arn
      : `arn:aws:ecs:${where.region}:${where.accountId}:service/${clusterName}/${arn}`,
    name: `${clusterName}/${serviceName}`,
    ...where,
    clusterArn: `arn:aws:ecs:${where.region}:${where.accountId}:cluster/${clusterName}`,
    clusterName,
    serviceName,
    capacityProviderStrategy: [],
    deployments: [],
    taskSets: [],
    placementConstraints: [],
    tags: {},
    unreadable: every(SERVICE_PROPERTIES, reason),
  };
}

/**
 * An assessed revision (`family:revision`) whose description could not be read: its checks report
 * ERROR naming the reason.
 * @example unreadableTaskDefinition(scope, 'web:3', use, 'AccessDenied: ecs:DescribeTaskDefinition').unreadable?.containers
 */
export function unreadableTaskDefinition(
  scope: Scope,
  name: string,
  use: EcsRevisionUse,
  reason: string,
): EcsTaskDefinition {
  const parsed = familyRevision(name);
  return {
    type: 'ecs-task-definition',
    id: `arn:aws:ecs:${scope.region}:${scope.accountId}:task-definition/${name}`,
    name,
    ...scope,
    family: parsed?.family ?? name,
    revision: parsed?.revision ?? 0,
    requiresCompatibilities: [],
    compatibilities: [],
    containers: [],
    volumes: [],
    roles: [],
    tags: {},
    use,
    unreadable: every(TASK_DEFINITION_PROPERTIES, reason),
  };
}

/**
 * A listed cluster whose description could not be read, as DescribeClusters' body for the
 * normaliser: its settings and configuration unknown (`unreadable` on the normalised cluster).
 */
export function unreadableCluster(
  scope: Scope,
  name: string,
  reason: string,
): Wire<Cluster> & { unreadable: string } {
  return {
    clusterArn: `arn:aws:ecs:${scope.region}:${scope.accountId}:cluster/${name}`,
    clusterName: name,
    unreadable: reason,
  };
}
