import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONCURRENCY,
  ecrCalls,
  imagesRead,
  incrementalEcrCalls,
  kubernetesCalls,
  LAMBDA_BUDGET,
  planSweep,
  regionCalls,
  type SweepRates,
  type SweepUnit,
} from '../../src/index.js';

const RATES: SweepRates = {
  latencyMs: 50,
  concurrency: DEFAULT_CONCURRENCY,
  ratePerSecond: { ecr: 20, eks: 10, ec2: 20, iam: 5, ecs: 20, k8s: 1000, inspector2: 10 },
};

describe('ecrCalls', () => {
  it('counts the fewest calls pagination allows plus the per-repository and per-image reads', () => {
    // 3 registry calls, 2 DescribeRepositories pages, 80 scanning batches, 3 per repository, 2 per image
    expect(ecrCalls(2000, 100_000)).toBe(3 + 2 + 80 + 6000 + 200_000);
    expect(ecrCalls(0, 0)).toBe(4);
  });
});

describe('incrementalEcrCalls', () => {
  it("counts a steady-state day's per-image reads only for the day's share of the rolling re-read and the new images", () => {
    // the default period (60 days): 100,000 images, 1,667 a day, 2 calls each, on top of the 6,085 other calls
    expect(imagesRead(100_000)).toBe(1_667);
    expect(incrementalEcrCalls(2000, 100_000)).toBe(3 + 2 + 80 + 6000 + 2 * 1_667);
    expect(incrementalEcrCalls(2000, 100_000)).toBeLessThanOrEqual(10_000);
    expect(incrementalEcrCalls(2000, 100_000, { newImages: 600 })).toBe(6085 + 2 * 2_267);
    // a weekly re-read: 14,286 a day, over issue 19's 10,000
    expect(incrementalEcrCalls(2000, 100_000, { periodDays: 7 })).toBe(6085 + 2 * 14_286);
    // a longer period reads fewer; a period of one day is a full read
    expect(incrementalEcrCalls(2000, 100_000, { periodDays: 56 })).toBe(6085 + 2 * 1786);
    expect(incrementalEcrCalls(2000, 100_000, { periodDays: 1 })).toBe(ecrCalls(2000, 100_000));
    expect(imagesRead(10, { newImages: 50 })).toBe(10);
  });
});

describe('kubernetesCalls', () => {
  it("counts each list's own pages of 500 (the client's limit), an empty list one call, plus GET /version", () => {
    // Act
    const empty = kubernetesCalls({});
    const sized = kubernetesCalls({ ListPods: 3700, ListDeployments: 1500, ListReplicaSets: 1501 });
    // Assess: 13 lists; pods 8 pages, Deployments 3, ReplicaSets 4, the 10 others 1 each
    expect(empty).toBe(1 + 13);
    expect(sized).toBe(1 + 8 + 3 + 4 + 10);
    expect(kubernetesCalls({ ListPods: 500 })).toBe(empty);
  });

  it("gives a region's sweep its clusters' pages, and fewer clusters a unit when their lists are long", () => {
    const lists = { ListPods: 3700, ListDeployments: 1500, ListReplicaSets: 1500 };
    const small = { region: 'eu-west-1', repositories: 0, images: 0, clusters: 20 };
    const large = { ...small, kubernetesLists: lists };
    expect(regionCalls(small).k8s).toBe(20 * 14);
    expect(regionCalls(large).k8s).toBe(20 * 25);
    const slow = { ...RATES, ratePerSecond: { ...RATES.ratePerSecond, k8s: 0.1 } };
    const unitsOf = (size: typeof small) =>
      planSweep([size], { entities: 0 }, slow).units.filter((unit) => unit.service === 'k8s-clusters');
    // 630 s at 0.1 calls/s: 4 clusters of 14 calls a unit, 2 of 25
    expect(unitsOf(small)).toHaveLength(5);
    expect(unitsOf(large)).toHaveLength(10);
  });
});

describe('planSweep', () => {
  it('keeps a small account in one invocation', () => {
    // Act
    const plan = planSweep(
      [{ region: 'eu-west-1', repositories: 20, images: 400, clusters: 2 }],
      { entities: 200 },
      RATES,
    );
    // Assess
    expect(plan.fits).toBe(true);
    expect(plan.units).toEqual([]);
    expect(plan.estimatedMs).toBeLessThan(plan.usableMs);
    expect(plan.usableMs).toBe(LAMBDA_BUDGET.timeoutMs * 0.7);
  });

  it('splits 2,000 repositories of 50 images into slices that each fit, plus registry, EKS and IAM units', () => {
    // Act
    const size = { region: 'eu-west-1', repositories: 2000, images: 100_000, clusters: 20 };
    const plan = planSweep([size], { entities: 500 }, RATES);
    // Assess: 206k ECR calls at 20/s is ~2.9 hours
    expect(plan.fits).toBe(false);
    expect(plan.estimatedMs).toBeGreaterThan(2.8 * 3600 * 1000);
    const slices = plan.units.filter(
      (unit): unit is Extract<SweepUnit, { service: 'ecr-repositories' }> =>
        unit.service === 'ecr-repositories',
    );
    expect(slices.reduce((sum, unit) => sum + unit.count, 0)).toBe(2000);
    expect(slices.map((unit) => unit.start)).toEqual(
      slices.map((_, index) => index * (slices[0]?.count ?? 0)),
    );
    // each slice: count × 103.04 calls at 20 calls/s within 630 s
    for (const slice of slices) expect((slice.count * 103.04) / 20).toBeLessThanOrEqual(630);
    expect(slices.length).toBe(Math.ceil(2000 / Math.floor(630 / (103.04 / 20))));
    expect(plan.units.filter((unit) => unit.service !== 'ecr-repositories')).toEqual([
      { service: 'iam', region: 'us-east-1' },
      { service: 'ecr-registry', region: 'eu-west-1' },
      { service: 'eks', region: 'eu-west-1' },
      { service: 'ecs', region: 'eu-west-1' },
      // 20 clusters of one page per list: 14 calls each, all in one slice
      { service: 'k8s-clusters', region: 'eu-west-1', start: 0, count: 20 },
    ]);
  });

  it('is bound by concurrency when the latency is high and the rate allows more', () => {
    const rates = {
      ...RATES,
      latencyMs: 1000,
      ratePerSecond: { ecr: 1000, eks: 1000, ec2: 1000, iam: 1000, ecs: 1000, k8s: 1000, inspector2: 1000 },
    };
    const size = { region: 'eu-west-1', repositories: 100, images: 1000, clusters: 0 };
    const plan = planSweep([size], { entities: 10 }, rates);
    expect(plan.estimatedMs).toBe((regionCalls(size).ecr * 1000) / DEFAULT_CONCURRENCY.ecr);
  });

  it('reads IAM once whatever the number of regions, and regions in parallel', () => {
    const one = planSweep(
      [{ region: 'eu-west-1', repositories: 10, images: 10, clusters: 1 }],
      { entities: 2500 },
      RATES,
    );
    const two = planSweep(
      [
        { region: 'eu-west-1', repositories: 10, images: 10, clusters: 1 },
        { region: 'us-east-2', repositories: 10, images: 10, clusters: 1 },
      ],
      { entities: 2500 },
      RATES,
    );
    expect(two.calls.iam).toBe(one.calls.iam);
    expect(one.calls.iam).toBe(3 + 3);
    expect(two.calls.ecr).toBe(2 * one.calls.ecr);
    expect(two.estimatedMs).toBe(one.estimatedMs);
  });
});
