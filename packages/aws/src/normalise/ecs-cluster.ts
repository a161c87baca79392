import type { CapacityProvider, Cluster } from '@aws-sdk/client-ecs';
import type { EcsCapacityProvider, EcsCluster, EcsServicePlacement } from '@customs/core';
import { strategyOf, tagsOf } from './ecs-common.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, type Wire } from './wire.js';

/** Capacity providers that AWS manages and DescribeCapacityProviders is not asked about. */
export const FARGATE_PROVIDERS: ReadonlySet<string> = new Set(['FARGATE', 'FARGATE_SPOT']);

/** What an ECS cluster is read from. */
export interface EcsClusterInput {
  scope: Scope;
  /** DescribeClusters `clusters[]` entry (include SETTINGS, CONFIGURATIONS, TAGS). */
  cluster: Wire<Cluster>;
  /** DescribeCapacityProviders' answer for the providers the cluster names (FARGATE ones need none). */
  capacityProviders: Known<Wire<CapacityProvider>[]>;
  /** The cluster's services' placements; unreadable when they could not be listed. */
  services: Known<EcsServicePlacement[]>;
}

/**
 * An ECS cluster: settings by name, the exec configuration, its capacity providers and the
 * placements of its services.
 * @example normaliseEcsCluster({ scope, cluster, capacityProviders: [], services: [] }).settings.containerInsights
 */
export function normaliseEcsCluster(input: EcsClusterInput): EcsCluster {
  const { cluster } = input;
  const name = cluster.clusterName ?? '';
  const where = locate(cluster.clusterArn, input.scope);
  const unreadable = new UnreadableProperties();
  const settings: Record<string, string> = {};
  for (const setting of cluster.settings ?? []) {
    if (setting.name !== undefined) settings[setting.name] = setting.value ?? '';
  }
  const exec = cluster.configuration?.executeCommandConfiguration;
  if (isUnreadable(input.services)) unreadable.add('services', input.services.unreadable);
  // a listed cluster DescribeClusters could not describe (ecs-unreadable.ts)
  const denied = (cluster as { unreadable?: unknown }).unreadable;
  if (typeof denied === 'string') {
    for (const property of [
      'status',
      'settings',
      'executeCommand',
      'capacityProviders',
      'defaultCapacityProviderStrategy',
      'tags',
    ]) {
      unreadable.add(property, denied);
    }
  }
  return {
    type: 'ecs-cluster',
    id: cluster.clusterArn ?? `arn:aws:ecs:${where.region}:${where.accountId}:cluster/${name}`,
    name,
    ...where,
    ...(cluster.status === undefined ? {} : { status: cluster.status }),
    settings,
    ...(exec
      ? {
          executeCommand: {
            ...(exec.logging === undefined ? {} : { logging: exec.logging }),
            ...(exec.kmsKeyId === undefined ? {} : { kmsKeyId: exec.kmsKeyId }),
            ...(exec.logConfiguration?.cloudWatchLogGroupName === undefined
              ? {}
              : { cloudWatchLogGroupName: exec.logConfiguration.cloudWatchLogGroupName }),
            ...(exec.logConfiguration?.s3BucketName === undefined
              ? {}
              : { s3BucketName: exec.logConfiguration.s3BucketName }),
          },
        }
      : {}),
    capacityProviders: capacityProvidersOf(
      cluster.capacityProviders ?? [],
      input.capacityProviders,
      unreadable,
    ),
    defaultCapacityProviderStrategy: strategyOf(cluster.defaultCapacityProviderStrategy),
    ...(cluster.registeredContainerInstancesCount === undefined
      ? {}
      : { registeredContainerInstancesCount: cluster.registeredContainerInstancesCount }),
    services: isUnreadable(input.services) ? [] : (input.services ?? []),
    tags: tagsOf(cluster.tags),
    ...withUnreadable(unreadable),
  };
}

/**
 * Each provider the cluster names, with what DescribeCapacityProviders gave of it; FARGATE and
 * FARGATE_SPOT (and any it did not return) by name only.
 */
function capacityProvidersOf(
  names: readonly string[],
  described: EcsClusterInput['capacityProviders'],
  unreadable: UnreadableProperties,
): EcsCapacityProvider[] {
  const needsDescription = names.some((name) => !FARGATE_PROVIDERS.has(name));
  if (isUnreadable(described) && needsDescription) unreadable.add('capacityProviders', described.unreadable);
  const byName = new Map(
    (isUnreadable(described) ? [] : (described ?? [])).map((provider) => [provider.name ?? '', provider]),
  );
  return names.map(function providerOf(name) {
    const provider = byName.get(name);
    const group = provider?.autoScalingGroupProvider;
    return {
      name,
      ...(provider?.capacityProviderArn === undefined ? {} : { arn: provider.capacityProviderArn }),
      ...(group?.autoScalingGroupArn === undefined ? {} : { autoScalingGroupArn: group.autoScalingGroupArn }),
      ...(group?.managedTerminationProtection === undefined
        ? {}
        : { managedTerminationProtection: group.managedTerminationProtection }),
    };
  });
}
