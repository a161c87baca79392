import type { ResourceRef } from '@customs/core';
import { EventValidationError } from '../errors.js';
import type { CloudTrailDetail } from '../schemas/cloudtrail.js';
import { objectField } from './arn.js';
import {
  clusterNameOf,
  DEFAULT_CLUSTER,
  type EcsServiceName,
  ecsArnType,
  previousRevision,
  serviceNameOf,
  taskDefinitionOf,
  taskSetServiceOf,
} from './ecs-names.js';

type Ref = Omit<ResourceRef, 'accountId' | 'region'>;
type RefsOf = (detail: CloudTrailDetail) => Ref[];
type Fields = Record<string, unknown> | null | undefined;

const REQUEST = 'detail.requestParameters';
const RESPONSE = 'detail.responseElements';

/** An own string field (`''` and null are absent); anything else is an EventValidationError. */
function stringAt(record: Fields, where: string, key: string): string | undefined {
  if (!record || !Object.hasOwn(record, key)) return undefined;
  const value = record[key];
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new EventValidationError(`${where}.${key}: expected a string`);
  return value;
}

/** The own array field's entries, or none when it is absent or not an array. */
function entriesAt(record: Fields, key: string): unknown[] {
  const value = record && Object.hasOwn(record, key) ? record[key] : undefined;
  return Array.isArray(value) ? value : [];
}

function clusterAt(record: Fields, where: string, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = stringAt(record, where, key);
    if (value !== undefined) return clusterNameOf(value, `${where}.${key}`);
  }
  return undefined;
}

function serviceAt(record: Fields, where: string, ...keys: string[]): EcsServiceName | undefined {
  for (const key of keys) {
    const value = stringAt(record, where, key);
    if (value !== undefined) return serviceNameOf(value, `${where}.${key}`);
  }
  return undefined;
}

/** A revision ref, and the revision before it when `withPrevious` (it may have stopped being the latest). */
function revisionRefs(value: string | undefined, field: string, withPrevious = false): Ref[] {
  const name = value === undefined ? undefined : taskDefinitionOf(value, field);
  if (name === undefined) return [];
  const previous = withPrevious ? previousRevision(name) : undefined;
  return [
    { type: 'ecs-task-definition', name },
    ...(previous ? [{ type: 'ecs-task-definition' as const, name: previous }] : []),
  ];
}

/** The revisions a service or task set in a response names: its own, its deployments' and task sets'. */
function revisionsIn(record: Fields, where: string): Ref[] {
  const refs = revisionRefs(stringAt(record, where, 'taskDefinition'), `${where}.taskDefinition`);
  for (const key of ['deployments', 'taskSets']) {
    entriesAt(record, key).forEach((entry, index) => {
      const at = `${where}.${key}.${index}`;
      const each =
        entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : undefined;
      refs.push(...revisionRefs(stringAt(each, at, 'taskDefinition'), `${at}.taskDefinition`));
    });
  }
  return refs;
}

/** A service change re-assesses the service and its cluster (segregation spans the cluster's services). */
function serviceRefs(name: string, cluster: string): Ref[] {
  return [
    { type: 'ecs-service', name, parent: cluster },
    { type: 'ecs-cluster', name: cluster },
  ];
}

const cluster: RefsOf = (detail) => {
  const response = objectField(detail.responseElements, 'cluster');
  const name =
    clusterAt(detail.requestParameters, REQUEST, 'cluster', 'clusterName') ??
    clusterAt(response, `${RESPONSE}.cluster`, 'clusterName', 'clusterArn') ??
    DEFAULT_CLUSTER;
  return [{ type: 'ecs-cluster', name }];
};

/** Create/Update/DeleteService: the service, its cluster, and every revision it names (new and old). */
const service: RefsOf = (detail) => {
  const request = detail.requestParameters;
  const where = `${RESPONSE}.service`;
  const response = objectField(detail.responseElements, 'service');
  const named =
    serviceAt(request, REQUEST, 'serviceName', 'service') ??
    serviceAt(response, where, 'serviceArn', 'serviceName');
  if (!named) return [];
  const parent =
    named.cluster ??
    clusterAt(request, REQUEST, 'cluster') ??
    clusterAt(response, where, 'clusterArn') ??
    DEFAULT_CLUSTER;
  return [
    ...serviceRefs(named.name, parent),
    ...revisionRefs(stringAt(request, REQUEST, 'taskDefinition'), `${REQUEST}.taskDefinition`),
    ...revisionsIn(response, where),
  ];
};

/** Task set calls: the service the task set belongs to (its task sets are part of it), and the revision. */
const taskSet: RefsOf = (detail) => {
  const request = detail.requestParameters;
  const where = `${RESPONSE}.taskSet`;
  const response = objectField(detail.responseElements, 'taskSet');
  const arn = stringAt(response, where, 'taskSetArn');
  const fromArn = arn ? taskSetServiceOf(arn, `${where}.taskSetArn`) : undefined;
  const named = fromArn ?? serviceAt(request, REQUEST, 'service');
  if (!named) return [];
  const parent =
    named.cluster ??
    clusterAt(request, REQUEST, 'cluster') ??
    clusterAt(response, where, 'clusterArn') ??
    DEFAULT_CLUSTER;
  return [
    ...serviceRefs(named.name, parent),
    ...revisionRefs(stringAt(request, REQUEST, 'taskDefinition'), `${REQUEST}.taskDefinition`),
    ...revisionRefs(stringAt(response, where, 'taskDefinition'), `${where}.taskDefinition`),
  ];
};

/**
 * Register/DeregisterTaskDefinition: the revision, and the one before it, which registering a new
 * revision (or deregistering this one) may make stop, or start, being its family's latest ACTIVE.
 */
const taskDefinition: RefsOf = (detail) => {
  const where = `${RESPONSE}.taskDefinition`;
  const response = objectField(detail.responseElements, 'taskDefinition');
  return [
    ...revisionRefs(
      stringAt(detail.requestParameters, REQUEST, 'taskDefinition'),
      `${REQUEST}.taskDefinition`,
      true,
    ),
    ...revisionRefs(stringAt(response, where, 'taskDefinitionArn'), `${where}.taskDefinitionArn`, true),
  ];
};

/** DeleteTaskDefinitions: each revision asked for and each the response names. */
const deletedTaskDefinitions: RefsOf = (detail) => {
  const refs: Ref[] = [];
  entriesAt(detail.requestParameters, 'taskDefinitions').forEach((value, index) => {
    const field = `${REQUEST}.taskDefinitions.${index}`;
    if (typeof value !== 'string') throw new EventValidationError(`${field}: expected a string`);
    refs.push(...revisionRefs(value, field));
  });
  entriesAt(detail.responseElements, 'taskDefinitions').forEach((entry, index) => {
    const at = `${RESPONSE}.taskDefinitions.${index}`;
    const each = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : undefined;
    refs.push(...revisionRefs(stringAt(each, at, 'taskDefinitionArn'), `${at}.taskDefinitionArn`));
  });
  return refs;
};

/**
 * UpdateCapacityProvider: the cluster of a capacity provider that names one (ECS Managed
 * Instances); an Auto Scaling group provider names none, and the daily sweep re-reads the clusters
 * that use it.
 */
const capacityProvider: RefsOf = (detail) => {
  const name =
    clusterAt(detail.requestParameters, REQUEST, 'cluster') ??
    clusterAt(
      objectField(detail.responseElements, 'capacityProvider'),
      `${RESPONSE}.capacityProvider`,
      'cluster',
    );
  return name ? [{ type: 'ecs-cluster', name }] : [];
};

/** Tag changes: the tagged cluster, service (segregation tags), task set's service or revision. */
const tags: RefsOf = (detail) => {
  const field = `${REQUEST}.resourceArn`;
  const arn = stringAt(detail.requestParameters, REQUEST, 'resourceArn');
  const type = arn ? ecsArnType(arn, field) : undefined;
  if (!arn || type === undefined) return [];
  if (type === 'cluster') return [{ type: 'ecs-cluster', name: clusterNameOf(arn, field) }];
  if (type === 'task-definition') return revisionRefs(arn, field);
  if (type === 'task-set') {
    const named = taskSetServiceOf(arn, field);
    return named ? serviceRefs(named.name, named.cluster) : [];
  }
  if (type === 'service') {
    const named = serviceNameOf(arn, field);
    return named.cluster ? serviceRefs(named.name, named.cluster) : [];
  }
  return []; // tasks, container instances, capacity providers: no check reads their tags
};

/**
 * ECS API calls that change what a check reads, and what each re-assesses. Account settings
 * (PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting) are not among them: no check
 * reads one (packages/events/README.md, "Amazon ECS").
 */
export const ECS_CALLS: Record<string, RefsOf> = {
  RegisterTaskDefinition: taskDefinition,
  DeregisterTaskDefinition: taskDefinition,
  DeleteTaskDefinitions: deletedTaskDefinitions,
  CreateService: service,
  UpdateService: service,
  DeleteService: service,
  CreateTaskSet: taskSet,
  UpdateTaskSet: taskSet,
  DeleteTaskSet: taskSet,
  UpdateServicePrimaryTaskSet: taskSet,
  CreateCluster: cluster,
  UpdateCluster: cluster,
  DeleteCluster: cluster,
  UpdateClusterSettings: cluster,
  PutClusterCapacityProviders: cluster,
  UpdateCapacityProvider: capacityProvider,
  TagResource: tags,
  UntagResource: tags,
};
