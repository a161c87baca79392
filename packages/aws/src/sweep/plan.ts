import type { CollectUnit } from '../collector/collector.js';
import type { ApiService as Service } from '../registry/calls.js';
import {
  type CallCounts,
  type IamSize,
  iamCalls,
  kubernetesCalls,
  type RegionSize,
  regionCalls,
  repositoryCalls,
} from './estimate.js';

/** How fast calls go. */
export interface SweepRates {
  /** Round trip of one call, in milliseconds. */
  latencyMs: number;
  /** Requests in flight per service (the collector's limiters). */
  concurrency: Record<Service, number>;
  /** Sustained requests per second a service allows before throttling (per account and region). */
  ratePerSecond: Record<Service, number>;
}

/** What one invocation may take. */
export interface SweepBudget {
  /** The Lambda timeout [900,000 ms = 15 minutes]. */
  timeoutMs: number;
  /** The share kept free for retries, evaluation and writes [0.3]. */
  margin: number;
}

export const LAMBDA_BUDGET: SweepBudget = { timeoutMs: 15 * 60 * 1000, margin: 0.3 };

/** One unit of a split sweep: what one invocation (one SQS message) reads. */
export type SweepUnit = CollectUnit & { region: string };

/** The sweep's plan. */
export interface SweepPlan {
  /** Every region (and IAM) in one invocation? */
  fits: boolean;
  calls: CallCounts;
  /** The estimated wall time of one invocation doing everything. */
  estimatedMs: number;
  /** The time one invocation may use (timeout less the margin). */
  usableMs: number;
  /**
   * Empty when it fits (one invocation runs every region's `collectAll`); else per service and
   * region, ECR repositories in slices (of the repositories sorted by name).
   */
  units: SweepUnit[];
}

/** Time for `calls` of one service: the slower of concurrency-bound and rate-bound. */
export function serviceMs(calls: number, service: Service, rates: SweepRates): number {
  const byConcurrency = (calls * rates.latencyMs) / rates.concurrency[service];
  const byRate = (calls / rates.ratePerSecond[service]) * 1000;
  return Math.max(byConcurrency, byRate);
}

function slowestMs(calls: CallCounts, rates: SweepRates): number {
  return Math.max(
    ...(Object.keys(calls) as Service[]).map((service) => serviceMs(calls[service], service, rates)),
  );
}

/**
 * Plans the daily sweep: whether one invocation reads every region (services concurrently,
 * regions concurrently, IAM once in us-east-1) within the budget, else the units to fan out:
 * `ecr-registry`, `eks`, `ecs` per region and `iam` once, plus `ecr-repositories` slices and
 * `k8s-clusters` slices (of the clusters sorted by name) sized so each fits the budget on its own. Pure: sizes in, plan out.
 * @example
 * planSweep([{ region: 'eu-west-1', repositories: 2000, images: 100_000, clusters: 20 }], { entities: 500 }, rates)
 */
export function planSweep(
  regions: RegionSize[],
  iam: IamSize,
  rates: SweepRates,
  budget: SweepBudget = LAMBDA_BUDGET,
): SweepPlan {
  const usableMs = budget.timeoutMs * (1 - budget.margin);
  const perRegion = regions.map(regionCalls);
  const calls: CallCounts = { ecr: 0, eks: 0, ec2: 0, iam: iamCalls(iam), ecs: 0, k8s: 0, inspector2: 0 };
  for (const counts of perRegion)
    for (const service of ['ecr', 'eks', 'ec2', 'ecs', 'iam', 'k8s'] as const)
      calls[service] += counts[service];
  // Regions have their own throttling buckets and limiters: the slowest region (or IAM, whose
  // bucket is the account's, with the ECS roles' reads of every region) decides.
  const estimatedMs = Math.max(
    serviceMs(calls.iam, 'iam', rates),
    ...perRegion.map((counts) => slowestMs({ ...counts, iam: 0 }, rates)),
  );
  if (estimatedMs <= usableMs) {
    return { fits: true, calls, estimatedMs, usableMs, units: [] };
  }
  const units: SweepUnit[] = [{ service: 'iam', region: 'us-east-1' }];
  for (const size of regions) {
    // ECS always has its unit: its size is not known before it is read (an empty region costs
    // ListClusters and ListTaskDefinitions), and a sweep that skipped it would say nothing of it
    units.push(
      { service: 'ecr-registry', region: size.region },
      { service: 'eks', region: size.region },
      { service: 'ecs', region: size.region },
    );
    const batch = repositoriesPerUnit(size, rates, usableMs);
    for (let start = 0; start < size.repositories; start += batch) {
      units.push({
        service: 'ecr-repositories',
        region: size.region,
        start,
        count: Math.min(batch, size.repositories - start),
      });
    }
    // the clusters' Kubernetes APIs, in slices of the clusters sorted by name
    const clusters = clustersPerUnit(size, rates, usableMs);
    for (let start = 0; start < size.clusters; start += clusters) {
      units.push({
        service: 'k8s-clusters',
        region: size.region,
        start,
        count: Math.min(clusters, size.clusters - start),
      });
    }
  }
  return { fits: false, calls, estimatedMs, usableMs, units };
}

/** The most clusters whose Kubernetes APIs one invocation reads within the budget. */
export function clustersPerUnit(size: RegionSize, rates: SweepRates, usableMs: number): number {
  const perClusterMs = serviceMs(kubernetesCalls(size.kubernetesLists), 'k8s', rates);
  return Math.max(1, Math.floor(usableMs / perClusterMs));
}

/** The most repositories (of average image count) one invocation reads within the budget. */
export function repositoriesPerUnit(size: RegionSize, rates: SweepRates, usableMs: number): number {
  if (size.repositories === 0) return 1;
  const imagesPerRepository = size.images / size.repositories;
  const perRepositoryMs = serviceMs(repositoryCalls(imagesPerRepository), 'ecr', rates);
  return Math.max(1, Math.floor(usableMs / perRepositoryMs));
}
