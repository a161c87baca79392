import type { Resource, ResourceRef, ResourceType } from '@customs/core';
import type { IncrementalReads } from '../read/image-reads.js';

/**
 * Resources a read could not enumerate (a cluster whose Kubernetes API is unreadable, a list it
 * could not read): their absence from `resources` says nothing, so a sweep must not resolve
 * their findings as deleted; they stay as they were.
 */
export interface IncompleteScope {
  resourceTypes: ResourceType[];
  /** The ids it covers start with this (`<cluster ARN>/`). */
  idPrefix: string;
  /** Why they are unknown. */
  reason: string;
}

/** What a collector read. */
export interface CollectResult {
  resources: Resource[];
  /** What the read could not enumerate (see {@link IncompleteScope}); none when absent. */
  incomplete?: IncompleteScope[];
  /** Refs whose resource no longer exists, or is no longer one (their findings are resolved). */
  missing: MissingRef[];
  /** Problems that did not stop the read (a truncated body, an odd field), each naming its source. */
  warnings: string[];
}

/**
 * A ref that resolved to no resource. `reason`, when given, says why it is not one although it
 * may exist (a task definition revision that `is no longer in use`); else it no longer exists.
 */
export type MissingRef = ResourceRef & { reason?: string };

/**
 * How one collect call reads. `imageReads`: ECR images' per-image reads (signing status,
 * referrers) only for images new to its ledger or due, the others keeping the facts recorded.
 * `global: false`: a whole sweep (`collectAll`) leaves out the global services (IAM) even when
 * the collector reads them — an organisation's account read in its other regions [true].
 */
export interface CollectOptions {
  imageReads?: IncrementalReads;
  global?: boolean;
}

/**
 * A unit of work of a split sweep (see `planSweep`): one service of one region, a slice of the
 * repositories (sorted by name), or a slice of the EKS clusters (sorted by name) whose
 * Kubernetes APIs it reads.
 */
export type CollectUnit =
  | { service: 'ecr-registry' | 'eks' | 'iam' | 'ecs' }
  | { service: 'ecr-repositories'; start: number; count: number }
  | { service: 'k8s-clusters'; start: number; count: number };

/** What the sweep's coordinator counts before it plans: the region's repositories and clusters. */
export interface RegionInventory {
  region: string;
  /** The repositories' names. */
  repositories: string[];
  clusters: number;
}

/**
 * Reads the current state of an account's ECR, EKS and IAM resources: from a snapshot
 * directory ({@link SnapshotCollector}) or from AWS ({@link AwsCollector}), with the same readers.
 *
 * `collect` re-reads the named resources plus what CHECKS.md says a change re-assesses: for an
 * `iam-user` or `iam-role` the principal and its inline policies; for a managed `iam-policy`, the policy and the users and roles it is attached to.
 */
export interface Collector {
  /** Account and region the collector reads. */
  readonly scope: { accountId: string; region: string };
  /** Every resource in scope (the sweep). */
  collectAll(options?: CollectOptions): Promise<CollectResult>;
  /** Re-reads the named resources; refs that no longer exist are returned in `missing`. */
  collect(refs: ResourceRef[], options?: CollectOptions): Promise<CollectResult>;
  /**
   * One unit of a split sweep (see `planSweep`): the registry, the region's EKS, IAM, or a slice
   * of the region's repositories sorted by name, with their images. Optional: a collector
   * without it only sweeps whole regions.
   */
  collectUnit?(unit: CollectUnit, options?: CollectOptions): Promise<CollectResult>;
  /**
   * The region's repositories and clusters (DescribeRepositories and ListClusters), for planning a
   * split sweep; throws when they cannot be listed. Optional: else the planner counts `collectAll`.
   */
  inventory?(): Promise<RegionInventory>;
}
