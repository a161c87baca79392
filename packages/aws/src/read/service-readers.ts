import type { Resource, Service } from '@customs/core';
import type { CollectUnit, RegionInventory } from '../collector/collector.js';
import {
  type ClientMakers,
  makeEc2Client,
  makeEcrClient,
  makeEcsClient,
  makeEksClient,
  makeIamClient,
  makeInspector2Client,
} from '../live/clients.js';
import { isUnreadable } from '../normalise/unreadable.js';
import { collectEcr, collectEcrUnit, collectEks, collectIam, collectK8sUnit } from './collect-all.js';
import { collectEcs } from './collect-ecs.js';
import { collectK8s } from './collect-k8s.js';
import {
  type RefReader,
  readEcrRef,
  readEcsRef,
  readEksRef,
  readIamRef,
  readK8sRef,
} from './collect-refs.js';
import type { ReadContext } from './context.js';
import { listRepositories } from './read-ecr.js';
import { listClusters } from './read-eks.js';

/**
 * How a collector reads one service: a ref of its types, the sweep of it, a unit of a split
 * sweep, and the SDK clients those reads send with. A function holds the readers of the
 * services its events name, so that its bundle holds no other service's code (packages/aws
 * README, "Bundles").
 */
export interface ServiceReader {
  ref: RefReader;
  sweep(context: ReadContext): Promise<Resource[]>;
  unit(context: ReadContext, unit: CollectUnit): Promise<Resource[]>;
  /** The clients the reads send with (a live collector makes each on first use). */
  clients: ClientMakers;
}

/** What a collector reads: the readers of its services, and how a sweep is planned (the full set only). */
export interface CollectorReaders {
  services: Partial<Record<Service, ServiceReader>>;
  /** The region's repositories and clusters for planning a split sweep. */
  inventory?: (context: ReadContext) => Promise<Omit<RegionInventory, 'region'>>;
}

/** ECR: the registry, repositories and images (with Inspector's coverage when scanning is ENHANCED). */
export const ECR_READER: ServiceReader = {
  ref: readEcrRef,
  sweep: (context) => collectEcr(context),
  unit: collectEcrUnit,
  // Inspector's coverage of the images (enhanced scanning only)
  clients: { ecr: makeEcrClient, inspector2: makeInspector2Client },
};

/** EKS: clusters, nodegroups (their subnets and launch templates from EC2), access entries. */
export const EKS_READER: ServiceReader = {
  ref: readEksRef,
  sweep: collectEks,
  unit: collectEks,
  clients: { eks: makeEksClient, ec2: makeEc2Client },
};

/** IAM: users, roles, policies and the account. */
export const IAM_READER: ServiceReader = {
  ref: readIamRef,
  sweep: collectIam,
  unit: collectIam,
  clients: { iam: makeIamClient },
};

/** ECS: clusters, services, task definitions (their roles from IAM, their images' repositories from ECR). */
export const ECS_READER: ServiceReader = {
  ref: readEcsRef,
  sweep: collectEcs,
  unit: collectEcs,
  clients: { ecs: makeEcsClient, iam: makeIamClient, ecr: makeEcrClient },
};

/** Kubernetes: each EKS cluster's API (endpoint and CA from EKS), its workloads' repositories from ECR. */
export const K8S_READER: ServiceReader = {
  ref: readK8sRef,
  sweep: (context) => collectK8s(context),
  unit: collectK8sUnit,
  clients: { eks: makeEksClient, ecr: makeEcrClient },
};

/** The region's repositories and clusters (DescribeRepositories, ListClusters); throws when unknown. */
async function inventoryOf(context: ReadContext): Promise<Omit<RegionInventory, 'region'>> {
  const [repositories, clusters] = await Promise.all([listRepositories(context), listClusters(context)]);
  for (const listed of [repositories, clusters]) {
    if (isUnreadable(listed)) throw new Error(`cannot plan the sweep: ${listed.unreadable}`);
  }
  return {
    repositories: ((isUnreadable(repositories) ? [] : repositories) ?? []).flatMap((repository) =>
      repository.repositoryName ? [repository.repositoryName] : [],
    ),
    clusters: ((isUnreadable(clusters) ? [] : clusters) ?? []).length,
  };
}

/**
 * Every service's reader and the sweep's planning: the CLI's, the snapshot's and the sweep's.
 * @example const collector = await LiveCollector.open({ readers: ALL_READERS, region: 'eu-west-1' });
 */
export const ALL_READERS: CollectorReaders = {
  services: { ecr: ECR_READER, eks: EKS_READER, iam: IAM_READER, ecs: ECS_READER, k8s: K8S_READER },
  inventory: inventoryOf,
};
