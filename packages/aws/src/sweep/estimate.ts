import type { Service } from '../live/actions.js';

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
}

/** The account's IAM, read once. */
export interface IamSize {
  /** Users, groups, roles and customer-managed policies together. */
  entities: number;
}

/** API calls by service. */
export type CallCounts = Record<Service, number>;

/** Page sizes the collector asks for (the services' maxima). */
export const PAGE = { ecr: 1000, scanningBatch: 25, eks: 100, ec2: 1000, iam: 1000 } as const;

const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

/**
 * The calls that reading one region's ECR takes: the fewest that pagination allows with the
 * largest pages (DescribeRepositories and DescribeImages 1,000 a page, scanning configurations
 * 25 repositories a call), plus the per-repository and per-image reads the checks need.
 * @example ecrCalls(2000, 100_000) // 206_085
 */
export function ecrCalls(repositories: number, images: number): number {
  const imagesPerRepository = repositories > 0 ? images / repositories : 0;
  const registry = 3; // DescribeRegistry, GetRegistryScanningConfiguration, DescribePullThroughCacheRules
  const listing =
    pages(repositories, PAGE.ecr) + (repositories > 0 ? Math.ceil(repositories / PAGE.scanningBatch) : 0);
  const perRepository = 2 + pages(imagesPerRepository, PAGE.ecr); // policy, lifecycle policy, DescribeImages
  return registry + listing + repositories * perRepository + images * PER_IMAGE;
}

/** DescribeImageSigningStatus and ListImageReferrers, for each image. */
const PER_IMAGE = 2;

/**
 * The calls one more repository of `imagesPerRepository` images adds: its policy, lifecycle
 * policy, DescribeImages pages, its images' reads and its share of a scanning-configuration batch.
 * @example repositoryCalls(50) // 103.04
 */
export function repositoryCalls(imagesPerRepository: number): number {
  return 2 + pages(imagesPerRepository, PAGE.ecr) + imagesPerRepository * PER_IMAGE + 1 / PAGE.scanningBatch;
}

/**
 * The calls one region's sweep takes, by service (IAM counted apart, see {@link iamCalls}).
 * @example regionCalls({ region: 'eu-west-1', repositories: 2000, images: 100_000, clusters: 20 }).ecr
 */
export function regionCalls(size: RegionSize): CallCounts {
  const nodegroups = size.clusters * (size.nodegroupsPerCluster ?? 3);
  const entries = size.clusters * (size.accessEntriesPerCluster ?? 5);
  const profiles = size.clusters * (size.fargateProfilesPerCluster ?? 1);
  // ListClusters; per cluster DescribeCluster, ListNodegroups, ListFargateProfiles, ListAccessEntries
  const eks = pages(size.clusters, PAGE.eks) + size.clusters * 4 + nodegroups + profiles + entries * 2;
  const ec2 = 2 + (size.launchTemplates ?? nodegroups); // DescribeSubnets, DescribeSecurityGroups, a template each
  return { ecr: ecrCalls(size.repositories, size.images), eks, ec2, iam: 0 };
}

/** IAM's calls: GetAccountAuthorizationDetails pages, the credential report (generate, get) and the summary. */
export function iamCalls(size: IamSize): number {
  return pages(size.entities, PAGE.iam) + 2 + 1;
}
