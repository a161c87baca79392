import { DEFAULT_REREAD_DAYS } from '../read/image-reads.js';
import type { CallInfo, Entity } from '../registry/call-info.js';
import { type ApiService, everyCall } from '../registry/calls.js';
import type { K8S_CALLS } from '../registry/k8s-calls.js';

/** What a region holds, as far as the sweep's cost goes. */
export interface RegionSize {
  region: string;
  repositories: number;
  /** Images in all repositories of the region. */
  images: number;
  clusters: number;
  /** Per cluster [3]. */
  nodegroupsPerCluster?: number;
  /** Per cluster [5]. */
  accessEntriesPerCluster?: number;
  /** Per cluster [1]. */
  fargateProfilesPerCluster?: number;
  /** Distinct launch templates of the nodegroups [one per nodegroup]. */
  launchTemplates?: number;
  /** Amazon ECS in the region [none]. */
  ecs?: EcsSize;
  /**
   * The objects of a cluster's Kubernetes lists, by list (an average cluster's, or the largest's
   * for a bound) [each list empty: one page]. Each cluster's API costs GetVersion and, per list,
   * one call per page of 500 (`PAGE.kubernetes`: the Kubernetes client's `limit`).
   */
  kubernetesLists?: KubernetesListSizes;
}

/** The objects in each of a cluster's Kubernetes lists (`{ ListPods: 3700, ListDeployments: 1500 }`); a list left out is empty. */
export type KubernetesListSizes = Partial<Record<Exclude<keyof typeof K8S_CALLS, 'GetVersion'>, number>>;

/** What a region's Amazon ECS holds, as far as the sweep's cost goes. */
export interface EcsSize {
  clusters: number;
  services: number;
  /** ACTIVE task definition revisions (every one is listed). */
  activeRevisions: number;
  /** Revisions assessed: the latest of each family and those in use. */
  assessedRevisions: number;
  /** Tasks desired RUNNING. */
  runningTasks: number;
  /** Capacity providers the clusters name other than FARGATE and FARGATE_SPOT [0]. */
  capacityProviders?: number;
  /** Distinct task and execution roles of the assessed revisions [0]. */
  roles?: number;
  /** Inline policies of those roles [0]. */
  rolePolicies?: number;
  /** Distinct managed policies attached to those roles [0]. */
  managedPolicies?: number;
}

/** The account's IAM, read once. */
export interface IamSize {
  /** Users, groups, roles and customer-managed policies together. */
  entities: number;
}

/** API calls by service. */
export type CallCounts = Record<ApiService, number>;

const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

/** How many calls of one kind a sweep makes: once per `per`, times its pages or batches. */
function countOf(info: CallInfo, counts: Partial<Record<Entity, number>>): number {
  if (info.stored || info.fallback) return 0;
  const per = counts[info.per] ?? 0;
  if (per === 0) return 0;
  if (info.pages) return per * pages((counts[info.pages.of] ?? 0) / per, info.pages.size);
  if (info.batches) return per * Math.ceil((counts[info.batches.of] ?? 0) / per / info.batches.size);
  return per;
}

/** The calls of the services asked, by service, from CALLS' counting rules. */
function callsFor(counts: Partial<Record<Entity, number>>, services: readonly ApiService[]): CallCounts {
  const calls: CallCounts = { ecr: 0, eks: 0, ec2: 0, iam: 0, ecs: 0, k8s: 0, inspector2: 0 };
  for (const { service, info } of everyCall()) {
    if (services.includes(service)) calls[service] += countOf(info, counts);
  }
  return calls;
}

/**
 * The calls that reading one region's ECR takes: the fewest that pagination allows with the
 * largest pages (DescribeRepositories and DescribeImages 1,000 a page, scanning configurations
 * 25 repositories a call), plus the per-repository and per-image reads the checks need.
 * @example ecrCalls(2000, 100_000) // 206_085
 */
export function ecrCalls(repositories: number, images: number): number {
  return callsFor({ region: 1, 'ecr-repository': repositories, 'ecr-image': images }, ['ecr']).ecr;
}

/** How an incremental sweep re-reads images (`IncrementalReads`): every image once a period, plus the new ones. */
export interface ImageRereads {
  /** Every image is re-read at least once in this many days [60, `DEFAULT_REREAD_DAYS`]. */
  periodDays?: number;
  /** Images pushed since the last sweep that no event read [0]. */
  newImages?: number;
}

/**
 * The images whose per-image calls (signing status, referrers) a steady-state incremental sweep
 * makes in a day: the day's share of the rolling re-read, ⌈I ÷ period⌉, plus the new ones.
 * @example imagesRead(100_000) // 1_667 (60 days)
 */
export function imagesRead(images: number, rereads: ImageRereads = {}): number {
  const period = Math.max(1, Math.floor(rereads.periodDays ?? DEFAULT_REREAD_DAYS));
  return Math.min(images, Math.ceil(images / period) + (rereads.newImages ?? 0));
}

/**
 * The ECR calls of a steady-state day of the incremental sweep: every call of {@link ecrCalls}
 * but the per-image ones, which are made only for {@link imagesRead} images (the first sweep
 * reads every image: `ecrCalls`).
 * @example incrementalEcrCalls(2000, 100_000) // 9_419: 6,085 + 2 × 1,667 (60 days; 7 days: 34,657)
 */
export function incrementalEcrCalls(
  repositories: number,
  images: number,
  rereads: ImageRereads = {},
): number {
  const perImage = callsFor({ 'ecr-image': 1 }, ['ecr']).ecr;
  return ecrCalls(repositories, images) - perImage * (images - imagesRead(images, rereads));
}

/**
 * The calls one more repository of `imagesPerRepository` images adds: its policy, lifecycle
 * policy, DescribeImages pages, its images' reads and its share of a scanning-configuration batch.
 * @example repositoryCalls(50) // 103.04
 */
export function repositoryCalls(imagesPerRepository: number): number {
  let calls = 0;
  for (const { service, info } of everyCall()) {
    if (service !== 'ecr') continue;
    if (info.per === 'ecr-repository' || info.per === 'ecr-image') {
      calls += countOf(info, { 'ecr-repository': 1, 'ecr-image': imagesPerRepository });
    } else if (info.batches?.of === 'ecr-repository' && !info.stored) calls += 1 / info.batches.size;
  }
  return calls;
}

/** The entities of a region's ECS (IAM's calls for the task and execution roles are the region's too). */
function ecsCounts(ecs: EcsSize | undefined): Partial<Record<Entity, number>> {
  if (!ecs || ecs.clusters === 0) return {};
  return {
    'ecs-cluster': ecs.clusters,
    'ecs-service': ecs.services,
    'ecs-revision': ecs.activeRevisions,
    'ecs-task-definition': ecs.assessedRevisions,
    'ecs-task': ecs.runningTasks,
    'ecs-capacity-provider': ecs.capacityProviders ?? 0,
    'ecs-role': ecs.roles ?? 0,
    'ecs-role-policy': ecs.rolePolicies ?? 0,
    'ecs-managed-policy': ecs.managedPolicies ?? 0,
  };
}

/**
 * The calls a region's ECS takes: ListClusters and ListTaskDefinitions pages, DescribeClusters
 * and DescribeCapacityProviders batches, per cluster ListServices and ListTasks pages and
 * DescribeServices (10) and DescribeTasks (100) batches, a DescribeTaskDefinition per assessed
 * revision; `iam` the roles' policies (once per role and policy).
 * @example ecsCalls({ clusters: 50, services: 2000, activeRevisions: 10_000, assessedRevisions: 2500, runningTasks: 20_000 }).ecs // 3252
 */
export function ecsCalls(ecs: EcsSize): CallCounts {
  const counts = { region: 1, ...ecsCounts(ecs) };
  const calls = callsFor(counts, ['ecs']);
  // the IAM calls the ECS readers make (their `per` is an ECS entity)
  for (const { service, info } of everyCall()) {
    if (service === 'iam' && info.per.startsWith('ecs-')) calls.iam += countOf(info, counts);
  }
  return calls;
}

/**
 * The Kubernetes API calls of one cluster, the fewest paging allows: GetVersion and, per list,
 * ⌈its objects ÷ 500⌉ pages (an empty list one), from CALLS' counting rule of each k8s call.
 * @example kubernetesCalls({ ListPods: 3700, ListDeployments: 1500, ListReplicaSets: 1500 }) // 25 (GetVersion + 8 + 3 + 3 + 10 empty lists)
 */
export function kubernetesCalls(lists: KubernetesListSizes = {}): number {
  let calls = 0;
  for (const { service, operation, info } of everyCall()) {
    if (service === 'k8s')
      calls += countOf(info, {
        'eks-cluster': 1,
        'k8s-object': lists[operation as keyof KubernetesListSizes] ?? 0,
      });
  }
  return calls;
}

/**
 * The calls one region's sweep takes, by service (IAM counted apart, see {@link iamCalls}, but
 * for the ECS roles' reads, which are the region's).
 * @example regionCalls({ region: 'eu-west-1', repositories: 2000, images: 100_000, clusters: 20 }).ecr
 */
export function regionCalls(size: RegionSize): CallCounts {
  const nodegroups = size.clusters * (size.nodegroupsPerCluster ?? 3);
  const calls = callsFor(
    {
      region: 1,
      'ecr-repository': size.repositories,
      'ecr-image': size.images,
      'eks-cluster': size.clusters,
      'eks-nodegroup': nodegroups,
      'eks-fargate-profile': size.clusters * (size.fargateProfilesPerCluster ?? 1),
      'eks-access-entry': size.clusters * (size.accessEntriesPerCluster ?? 5),
      'ec2-launch-template': size.launchTemplates ?? nodegroups,
    },
    ['ecr', 'eks', 'ec2'],
  );
  const ecs = size.ecs && size.ecs.clusters + size.ecs.activeRevisions > 0 ? ecsCalls(size.ecs) : undefined;
  const k8s = size.clusters * kubernetesCalls(size.kubernetesLists);
  return { ...calls, ecs: ecs?.ecs ?? 0, iam: ecs?.iam ?? 0, k8s };
}

/** IAM's calls: GetAccountAuthorizationDetails pages, the credential report (generate, get) and the summary. */
export function iamCalls(size: IamSize): number {
  return callsFor({ account: 1, 'iam-entity': size.entities }, ['iam']).iam;
}
