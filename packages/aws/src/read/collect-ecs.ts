import type { Cluster, Task } from '@aws-sdk/client-ecs';
import type { EcsCluster, EcsService, EcsServicePlacement, Resource } from '@customs/core';
import { FARGATE_PROVIDERS, normaliseEcsCluster } from '../normalise/ecs-cluster.js';
import { familyRevision } from '../normalise/ecs-common.js';
import { normaliseEcsService, servicePlacementOf } from '../normalise/ecs-service.js';
import { unreadableCluster, unreadableService } from '../normalise/ecs-unreadable.js';
import { isUnreadable, type Known, unreadable } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import type { ReadContext } from './context.js';
import { ecsDeployedImages } from './deployed-images-of.js';
import {
  describeCapacityProviders,
  describeEcsClusters,
  describeEcsServices,
  describeTaskDefinition,
  listActiveRevisions,
  listEcsClusters,
  listEcsServices,
  listFamilyRevisions,
  readRunningTasks,
} from './read-ecs.js';
import {
  assessedRevisions,
  latestRevisions,
  type RevisionUses,
  readTaskDefinition,
  revisionUses,
  useOf,
} from './read-ecs-revisions.js';

/** A cluster's services, as listed and described (DescribeServices of every listed one). */
export async function readEcsServices(
  context: ReadContext,
  clusterName: string,
): Promise<Known<EcsService[]>> {
  const arns = await listEcsServices(context, clusterName);
  if (arns === undefined || isUnreadable(arns)) return arns;
  const described = await describeEcsServices(context, clusterName, arns, true);
  // listed but not described: they exist, so their checks report ERROR (the cluster's placements are unknown)
  if (isUnreadable(described)) {
    return arns.map((arn) => unreadableService(context.scope, clusterName, arn, described.unreadable));
  }
  if (described === undefined) return described;
  return described
    .filter((service) => service.status !== 'INACTIVE')
    .map((service) => normaliseEcsService({ scope: context.scope, clusterName, service }));
}

/** The services' placements; unknown when the services could not be described. */
function placementsOf(services: Known<EcsService[]>): Known<EcsServicePlacement[]> {
  if (services === undefined || isUnreadable(services)) return services;
  const denied = services.find((service) => service.unreadable)?.unreadable?.deployments;
  return denied ? unreadable(denied) : services.map(servicePlacementOf);
}

/** Clusters with their capacity providers (one region-wide DescribeCapacityProviders) and services. */
async function clustersOf(
  context: ReadContext,
  clusters: Wire<Cluster>[],
  services: Known<EcsService[]>[],
  sweep: boolean,
): Promise<EcsCluster[]> {
  const providers = [...new Set(clusters.flatMap((cluster) => cluster.capacityProviders ?? []))].filter(
    (name) => !FARGATE_PROVIDERS.has(name),
  );
  const described = await describeCapacityProviders(context, providers.sort(), sweep);
  return clusters.map((cluster, index) => {
    const known = services[index];
    return normaliseEcsCluster({
      scope: context.scope,
      cluster,
      capacityProviders: described,
      services: placementsOf(known),
    });
  });
}

/** The region's clusters as described (those ListClusters gave that DescribeClusters still knows). */
async function describedClusters(context: ReadContext): Promise<Wire<Cluster>[]> {
  const names = await listEcsClusters(context);
  if (names === undefined || isUnreadable(names)) return [];
  const described = await describeEcsClusters(context, names, true);
  if (isUnreadable(described))
    return names.map((name) => unreadableCluster(context.scope, name, described.unreadable));
  if (described === undefined) return [];
  const seen = new Set(described.map((cluster) => cluster.clusterName));
  for (const name of names) {
    if (!seen.has(name))
      context.session.warn(`ecs cluster ${name}: listed, but DescribeClusters does not describe it`);
  }
  return described.filter((cluster) => cluster.status !== 'INACTIVE');
}

/**
 * Every ECS cluster and service of the region, and every task definition revision that is
 * assessed: the latest ACTIVE of each family (ListTaskDefinitions) and those the services'
 * deployments and task sets and the running tasks (ListTasks/DescribeTasks per cluster) use.
 */
export async function collectEcs(context: ReadContext): Promise<Resource[]> {
  const clusters = await describedClusters(context);
  const names = clusters.map((cluster) => cluster.clusterName ?? '');
  const [services, tasks, active] = await Promise.all([
    Promise.all(names.map((name) => readEcsServices(context, name))),
    Promise.all(names.map((name) => readRunningTasks(context, name))),
    listActiveRevisions(context),
  ]);
  const present = services.flatMap((known) => (known === undefined || isUnreadable(known) ? [] : known));
  if (isUnreadable(active))
    context.session.warn(`ecs: the latest revisions are unknown: ${active.unreadable}`);
  const uses = revisionUses(latestRevisions(isUnreadable(active) ? [] : (active ?? [])), present, tasks);
  const [normalisedClusters, definitions] = await Promise.all([
    clustersOf(context, clusters, services, true),
    readRevisions(context, uses, assessedRevisions(uses), true),
  ]);
  return [...normalisedClusters, ...present, ...definitions];
}

async function readRevisions(
  context: ReadContext,
  uses: RevisionUses,
  names: string[],
  sweep: boolean,
): Promise<Resource[]> {
  const read = await Promise.all(
    names.map(async (name) => {
      const tasks: Known<Wire<Task>[]> = uses.tasksUnknown
        ? unreadable(uses.tasksUnknown)
        : (uses.tasks.get(name) ?? []);
      const { use } = useOf(uses, name);
      const resource = await readTaskDefinition(context, name, use, tasks, sweep);
      if (!resource && (use.services.length > 0 || use.runningTasks > 0)) {
        const users = [
          ...use.services,
          ...(use.runningTasks > 0 ? [`${use.runningTasks} running task(s)`] : []),
        ];
        context.session.warn(
          `ecs task definition ${name}: used by ${users.join(', ')}, but ECS cannot describe it`,
        );
      }
      return resource;
    }),
  );
  const definitions = read.filter((item) => item !== undefined);
  await ecsDeployedImages(
    context,
    definitions.filter((item) => item.type === 'ecs-task-definition'),
  );
  return definitions;
}

/** A cluster re-read (a ref): DescribeClusters of it, its services and capacity providers. */
export async function readEcsClusterRef(context: ReadContext, name: string): Promise<Known<EcsCluster>> {
  const described = await describeEcsClusters(context, [name], false);
  if (described === undefined || isUnreadable(described)) return described;
  const cluster = described.find((entry) => entry.status !== 'INACTIVE');
  if (!cluster) return undefined;
  const services = await readEcsServices(context, cluster.clusterName ?? name);
  const [resource] = await clustersOf(context, [cluster], [services], false);
  return resource;
}

/** A service re-read (a ref): DescribeServices of it in its cluster; a deleted one is INACTIVE, so absent. */
export async function readEcsServiceRef(
  context: ReadContext,
  clusterName: string,
  serviceName: string,
): Promise<Known<EcsService>> {
  const described = await describeEcsServices(context, clusterName, [serviceName], false);
  if (described === undefined || isUnreadable(described)) return described;
  const service = described.find((entry) => entry.status !== 'INACTIVE');
  return service && normaliseEcsService({ scope: context.scope, clusterName, service });
}

/** What a revision ref resolves to: the revision, missing (with why), or skipped (why it is unknown). */
export type RevisionRefOutcome =
  | { resource: Resource }
  | { missing: true; reason?: string }
  | { skipped: string };

export const NOT_DESCRIBED =
  'no longer exists or is no longer in use (ECS cannot describe it: deleted, or deregistered and referenced by nothing)';

export const NOT_IN_USE =
  'is no longer in use (not the latest ACTIVE revision of its family, and no service deployment, task set or running task uses it)';

/**
 * A revision re-read (a ref, `family:revision`): whether it is in use decides whether it is a
 * resource at all. Reads DescribeTaskDefinition (not found: missing, since ECS describes a
 * deregistered revision only while something references it), then the family's ACTIVE revisions (ListTaskDefinitions
 * by prefix, newest first), and, over the region's clusters, the services (ListServices,
 * DescribeServices) and the family's running tasks (ListTasks by family, DescribeTasks).
 */
export async function readRevisionRef(context: ReadContext, name: string): Promise<RevisionRefOutcome> {
  const parsed = familyRevision(name);
  if (!parsed) return { skipped: `${JSON.stringify(name.slice(0, 80))} is not family:revision` };
  // ECS describes an INACTIVE revision only while something references it
  const described = await describeTaskDefinition(context, name);
  if (described === undefined) return { missing: true, reason: NOT_DESCRIBED };
  const [clusters, active] = await Promise.all([
    listEcsClusters(context),
    listFamilyRevisions(context, parsed.family),
  ]);
  if (isUnreadable(clusters)) return { skipped: clusters.unreadable };
  if (isUnreadable(active)) return { skipped: active.unreadable };
  const names = clusters ?? [];
  const [services, tasks] = await Promise.all([
    Promise.all(names.map((cluster) => readEcsServices(context, cluster))),
    Promise.all(names.map((cluster) => readRunningTasks(context, cluster, parsed.family))),
  ]);
  const present = services.flatMap((known) => (known === undefined || isUnreadable(known) ? [] : known));
  const uses = revisionUses(latestRevisions(active ?? []), present, tasks);
  const { use, inUse } = useOf(uses, name);
  const unknown = services.find(isUnreadable)?.unreadable ?? uses.tasksUnknown;
  if (!inUse)
    return unknown
      ? { skipped: `whether it is in use is unknown: ${unknown}` }
      : { missing: true, reason: NOT_IN_USE };
  const tasksOf: Known<Wire<Task>[]> = uses.tasksUnknown
    ? unreadable(uses.tasksUnknown)
    : (uses.tasks.get(name) ?? []);
  const resource = await readTaskDefinition(context, name, use, tasksOf, false);
  if (resource) await ecsDeployedImages(context, [resource]);
  return resource ? { resource } : { missing: true };
}
