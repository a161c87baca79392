import { CATALOG } from '@customs/core';
import type { FindingsSummary, StatusCounts } from '@customs/store';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SWEEP_RATES,
  planRegionSweep,
  type RegionInventory,
  storedResources,
  sweepSizes,
} from '../src/index.js';

const IMAGE_CHECKS = CATALOG.byResourceType('ecr-image').length;

function counts(total: number): StatusCounts {
  return {
    PASS: total,
    FAIL: 0,
    NOT_APPLICABLE: 0,
    ERROR: 0,
    SUPPRESSED: 0,
    total,
    score: total > 0 ? 1 : null,
  };
}

/** The store's summary after a sweep that stored `images` images (each with every image check). */
function summaryAfter(images: number): FindingsSummary {
  const resourceType: Record<string, StatusCounts> =
    images > 0 ? { 'ecr-image': counts(images * IMAGE_CHECKS) } : {};
  return { recommendation: {}, severity: {}, resourceType, total: counts(images * IMAGE_CHECKS) };
}

function inventory(repositories: number, clusters: number): RegionInventory {
  const names = Array.from({ length: repositories }, (_, index) => `team/service-${index}`);
  return { region: 'eu-west-1', repositories: names, clusters };
}

describe('planning the sweep from the last sweep', () => {
  it('estimates the images from the stored findings of the image checks, 0 before any sweep', () => {
    expect(storedResources(summaryAfter(400), 'ecr-image')).toBe(400);
    expect(storedResources(summaryAfter(0), 'ecr-image')).toBe(0);
    expect(sweepSizes(inventory(20, 2), summaryAfter(400)).region).toEqual({
      region: 'eu-west-1',
      repositories: 20,
      images: 400,
      clusters: 2,
    });
  });

  it('plans with the collector limiters and the README rates', () => {
    expect(DEFAULT_SWEEP_RATES.concurrency).toEqual({
      ecr: 8,
      eks: 4,
      ec2: 4,
      iam: 2,
      ecs: 4,
      k8s: 8,
      inspector2: 2,
    });
    expect(DEFAULT_SWEEP_RATES.ratePerSecond).toEqual({
      ecr: 20,
      ec2: 20,
      eks: 10,
      iam: 5,
      ecs: 20,
      k8s: 1000,
      inspector2: 10,
    });
  });

  it('runs a small account (20 repositories, 400 images, 2 clusters) in one invocation', () => {
    // Act
    const plan = planRegionSweep(inventory(20, 2), summaryAfter(400));
    // Assess
    expect(plan.fits).toBe(true);
    expect(plan.units).toEqual([]);
    expect(plan.estimatedMs).toBeLessThan(60_000);
  });

  it('splits 2,000 repositories of 50 images into slices of 122 plus the registry, EKS, ECS, IAM and Kubernetes units', () => {
    // Act
    const plan = planRegionSweep(inventory(2000, 20), summaryAfter(100_000));
    // Assess
    expect(plan.fits).toBe(false);
    const slices = plan.units.filter((unit) => unit.service === 'ecr-repositories');
    expect(slices).toHaveLength(17);
    expect(slices[0]).toEqual({ service: 'ecr-repositories', region: 'eu-west-1', start: 0, count: 122 });
    expect(slices.at(-1)).toEqual({
      service: 'ecr-repositories',
      region: 'eu-west-1',
      start: 1952,
      count: 48,
    });
    expect(
      slices.reduce((sum, unit) => sum + (unit.service === 'ecr-repositories' ? unit.count : 0), 0),
    ).toBe(2000);
    expect(plan.units.filter((unit) => unit.service !== 'ecr-repositories')).toEqual([
      { service: 'iam', region: 'us-east-1' },
      { service: 'ecr-registry', region: 'eu-west-1' },
      { service: 'eks', region: 'eu-west-1' },
      { service: 'ecs', region: 'eu-west-1' },
      { service: 'k8s-clusters', region: 'eu-west-1', start: 0, count: 20 },
    ]);
  });

  it('assumes typical repositories on the first sweep, so a large account is split from the start', () => {
    // Act
    const large = planRegionSweep(inventory(2000, 20), summaryAfter(0));
    const small = planRegionSweep(inventory(20, 2), summaryAfter(0));
    // Assess
    expect(large.fits).toBe(false);
    expect(large.units.filter((unit) => unit.service === 'ecr-repositories').length).toBeGreaterThan(1);
    expect(small.fits).toBe(true);
  });

  it('splits even a small account when the budget is tiny', () => {
    const plan = planRegionSweep(inventory(5, 2), summaryAfter(20), {
      budget: { timeoutMs: 3000, margin: 0.3 },
    });
    expect(plan.fits).toBe(false);
    expect(plan.units.filter((unit) => unit.service === 'ecr-repositories').length).toBeGreaterThan(1);
  });
});
