import type { Deployment, Service, TaskSet } from '@aws-sdk/client-ecs';
import type { EcsDeployment, EcsService, EcsServicePlacement } from '@customs/core';
import { lastName, strategyOf, tagsOf } from './ecs-common.js';
import { locate, type Scope, type Wire } from './wire.js';

/** What an ECS service is read from. */
export interface EcsServiceInput {
  scope: Scope;
  /** The cluster the service was listed in (its name). */
  clusterName: string;
  /** DescribeServices `services[]` entry (include TAGS). */
  service: Wire<Service>;
}

type Common = Wire<Deployment> & Wire<TaskSet>;

function deploymentOf(entry: Common): EcsDeployment {
  const assignPublicIp = entry.networkConfiguration?.awsvpcConfiguration?.assignPublicIp;
  return {
    ...(entry.id === undefined ? {} : { id: entry.id }),
    ...(entry.status === undefined ? {} : { status: entry.status }),
    ...(entry.taskDefinition === undefined ? {} : { taskDefinitionArn: entry.taskDefinition }),
    ...(entry.launchType === undefined ? {} : { launchType: entry.launchType }),
    capacityProviders: strategyOf(entry.capacityProviderStrategy).map((item) => item.capacityProvider),
    ...(entry.platformVersion === undefined ? {} : { platformVersion: entry.platformVersion }),
    ...(entry.platformFamily === undefined ? {} : { platformFamily: entry.platformFamily }),
    ...(assignPublicIp === undefined ? {} : { assignPublicIp }),
    ...(entry.runningCount === undefined ? {} : { runningCount: entry.runningCount }),
  };
}

/**
 * An ECS service with its deployments and task sets (each with its own network), named
 * `cluster/service`.
 * @example normaliseEcsService({ scope, clusterName: 'default', service: body.services[0] }).name // 'default/my-http-service'
 */
export function normaliseEcsService(input: EcsServiceInput): EcsService {
  const { service, clusterName } = input;
  const serviceName = service.serviceName ?? lastName(service.serviceArn ?? '');
  const where = locate(service.serviceArn ?? service.clusterArn, input.scope);
  const clusterArn =
    service.clusterArn ?? `arn:aws:ecs:${where.region}:${where.accountId}:cluster/${clusterName}`;
  const assignPublicIp = service.networkConfiguration?.awsvpcConfiguration?.assignPublicIp;
  return {
    type: 'ecs-service',
    id:
      service.serviceArn ??
      `arn:aws:ecs:${where.region}:${where.accountId}:service/${clusterName}/${serviceName}`,
    name: `${clusterName}/${serviceName}`,
    ...where,
    clusterArn,
    clusterName,
    serviceName,
    ...(service.status === undefined ? {} : { status: service.status }),
    ...(service.launchType === undefined ? {} : { launchType: service.launchType }),
    capacityProviderStrategy: strategyOf(service.capacityProviderStrategy),
    ...(service.platformVersion === undefined ? {} : { platformVersion: service.platformVersion }),
    ...(service.platformFamily === undefined ? {} : { platformFamily: service.platformFamily }),
    ...(service.taskDefinition === undefined ? {} : { taskDefinitionArn: service.taskDefinition }),
    ...(assignPublicIp === undefined ? {} : { assignPublicIp }),
    ...(service.enableExecuteCommand === undefined
      ? {}
      : { enableExecuteCommand: service.enableExecuteCommand }),
    ...(service.schedulingStrategy === undefined ? {} : { schedulingStrategy: service.schedulingStrategy }),
    deployments: (service.deployments ?? []).map(deploymentOf),
    taskSets: (service.taskSets ?? []).map((taskSet) => ({
      ...deploymentOf(taskSet),
      ...(taskSet.taskSetArn === undefined ? {} : { arn: taskSet.taskSetArn }),
    })),
    placementConstraints: (service.placementConstraints ?? []).map((constraint) => ({
      ...(constraint.type === undefined ? {} : { type: constraint.type }),
      ...(constraint.expression === undefined ? {} : { expression: constraint.expression }),
    })),
    tags: tagsOf(service.tags),
  };
}

/** What the cluster-wide checks need of a service (its placement and security-context tags). */
export function servicePlacementOf(service: EcsService): EcsServicePlacement {
  return {
    serviceName: service.serviceName,
    ...(service.launchType === undefined ? {} : { launchType: service.launchType }),
    capacityProviders: service.capacityProviderStrategy.map((item) => item.capacityProvider),
    placementConstraints: service.placementConstraints,
    tags: service.tags,
  };
}

/**
 * The task definitions a service runs: those of its PRIMARY and ACTIVE deployments and of its
 * task sets that are not DRAINING (INACTIVE deployments no longer run).
 */
export function revisionsInUse(service: EcsService): string[] {
  const used = [
    ...service.deployments.filter((item) => item.status === 'PRIMARY' || item.status === 'ACTIVE'),
    ...service.taskSets.filter((item) => item.status !== 'DRAINING'),
  ].flatMap((item) => (item.taskDefinitionArn ? [item.taskDefinitionArn] : []));
  return [...new Set(used)];
}
