import {
  DEFAULT_CONCURRENCY,
  type IamSize,
  LAMBDA_BUDGET,
  planSweep,
  type RegionSize,
  type SweepBudget,
  type SweepPlan,
  type SweepRates,
} from '@customs/aws';
import { CATALOG, type CheckRegistry, countedTypesOf, type ResourceType } from '@customs/core';
import type { FindingsSummary } from '@customs/store';

/**
 * What the plan assumes (packages/aws/README.md, "Sizing the daily sweep"): 50 ms a call; the
 * live collector's limiters (`DEFAULT_CONCURRENCY`: ECR 8, EKS 4, EC2 4, IAM 2 in flight); a
 * sustained 20 requests/s for ECR and EC2 (EC2's documented Describe* refill), 10 for EKS and
 * 5 for IAM (account-wide, shared with every other IAM reader), which the services do not publish;
 * ECS 4 in flight and 20/s sustained (its "Request throttling for the Amazon ECS API" page:
 * token buckets per account and region, e.g. a bucket of 50 for the cluster read actions; we
 * plan below the burst, at a sustained 20 a second). The Kubernetes API of a cluster is not
 * rate-limited by AWS (the API server's own priority and fairness applies): its reads are bound
 * by the collector's concurrency (`k8s` 8 lists in flight), so its rate, 1,000 a second, never decides.
 */
export const DEFAULT_SWEEP_RATES: SweepRates = {
  latencyMs: 50,
  concurrency: { ...DEFAULT_CONCURRENCY },
  // Inspector2 (ListCoverage, enhanced scanning only) publishes no rate: planned as EKS, 10 a second.
  ratePerSecond: { ecr: 20, ec2: 20, eks: 10, iam: 5, ecs: 20, k8s: 1000, inspector2: 10 },
};

/** What the coordinator counts in its region before planning (DescribeRepositories, ListClusters). */
export interface RegionInventory {
  region: string;
  /** The names of the region's repositories, as listed now. */
  repositories: string[];
  clusters: number;
}

/** Images per repository assumed until a sweep has stored the real count. */
export const ASSUMED_IMAGES_PER_REPOSITORY = 50;

/**
 * How many resources of a type the last sweep stored: its findings (every state, from the
 * store's summary counters) ÷ the catalog's checks of that type; 0 before the first sweep.
 * Findings of deleted resources are still counted, so it errs on the large side.
 * @example storedResources(await repository.summary(), 'ecr-image') // 2 after a sweep of 2 images
 */
export function storedResources(
  summary: FindingsSummary,
  type: ResourceType,
  catalog: CheckRegistry = CATALOG,
): number {
  const checks = catalog.byResourceType(type).length;
  const findings = summary.resourceType[type]?.total ?? 0;
  return checks === 0 ? 0 : Math.round(findings / checks);
}

/**
 * The sizes `planSweep` takes: the region's repositories and clusters as counted now, its
 * images and the account's IAM entities (every IAM type but the account's settings) as the last
 * sweep stored them.
 * @example sweepSizes({ region: 'eu-west-1', repositories: names, clusters: 3 }, summary)
 */
export function sweepSizes(
  inventory: RegionInventory,
  summary: FindingsSummary,
  catalog: CheckRegistry = CATALOG,
): { region: RegionSize; iam: IamSize } {
  const stored = (type: ResourceType) => storedResources(summary, type, catalog);
  const repositories = inventory.repositories.length;
  const images = stored('ecr-image');
  return {
    region: {
      region: inventory.region,
      repositories,
      // Before any image is stored, assume a typical repository's images, so a large account's
      // first sweep is split rather than timing out (and storing nothing) every day.
      images: images > 0 || repositories === 0 ? images : repositories * ASSUMED_IMAGES_PER_REPOSITORY,
      clusters: inventory.clusters,
    },
    iam: { entities: countedTypesOf('iam').reduce((sum, type) => sum + stored(type), 0) },
  };
}

/** How the coordinator plans: rates and budget [the defaults]. */
export interface PlanOptions {
  rates?: SweepRates;
  budget?: SweepBudget;
  catalog?: CheckRegistry;
}

/**
 * Plans one region's sweep from what is counted now and what the last sweep stored. Pure. On
 * the first sweep the images are unknown, so each repository is assumed to hold
 * `ASSUMED_IMAGES_PER_REPOSITORY`; the next sweep plans with the stored count.
 * @example const { fits, units } = planRegionSweep(inventory, await repository.summary());
 */
export function planRegionSweep(
  inventory: RegionInventory,
  summary: FindingsSummary,
  options: PlanOptions = {},
): SweepPlan {
  const sizes = sweepSizes(inventory, summary, options.catalog);
  return planSweep(
    [sizes.region],
    sizes.iam,
    options.rates ?? DEFAULT_SWEEP_RATES,
    options.budget ?? LAMBDA_BUDGET,
  );
}
