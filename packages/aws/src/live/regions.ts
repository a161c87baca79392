import { isGlobalType, type Resource, type ResourceRef } from '@customs/core';
import type { CollectOptions, Collector, CollectResult } from '../collector/collector.js';
import type { Scope } from '../normalise/wire.js';

/** Makes the collector of one region; `iam` says whether it reads IAM (exactly one does). */
export type RegionalCollectorFactory = (region: string, iam: boolean) => Promise<Collector>;

/**
 * One collector per region, IAM read once (by the first region's collector, whose IAM client
 * talks to us-east-1). `collect` routes each ref to the collector of its region, IAM refs to
 * the one that reads IAM.
 * @example
 * const collector = await MultiRegionCollector.open(['eu-west-1', 'us-east-2'],
 *   (region, iam) => AwsCollector.open({ region, iam, profile }));
 */
export class MultiRegionCollector implements Collector {
  readonly scope: Scope;
  readonly collectors: Collector[];

  private constructor(collectors: Collector[]) {
    const [first] = collectors;
    if (!first) throw new RangeError('at least one region is needed');
    this.collectors = collectors;
    this.scope = first.scope;
  }

  /** Opens one collector per region (duplicates dropped), concurrently. */
  static async open(regions: string[], factory: RegionalCollectorFactory): Promise<MultiRegionCollector> {
    const unique = [...new Set(regions)];
    return new MultiRegionCollector(
      await Promise.all(unique.map((region, index) => factory(region, index === 0))),
    );
  }

  /** Every region's resources, regions read concurrently. */
  async collectAll(options?: CollectOptions): Promise<CollectResult> {
    return merge(await Promise.all(this.collectors.map((collector) => collector.collectAll(options))));
  }

  /** Each ref read by the collector of its region (IAM refs and refs without a region: the first). */
  async collect(refs: ResourceRef[], options?: CollectOptions): Promise<CollectResult> {
    const byCollector = new Map<Collector, ResourceRef[]>();
    const unrouted: string[] = [];
    for (const ref of refs) {
      const toFirst = isGlobalType(ref.type) || !ref.region;
      const collector = toFirst
        ? this.collectors[0]
        : this.collectors.find((candidate) => candidate.scope.region === ref.region);
      if (!collector) {
        unrouted.push(`ref ${ref.type} ${ref.name} skipped: region ${ref.region} is not scanned`);
        continue;
      }
      byCollector.set(collector, [...(byCollector.get(collector) ?? []), ref]);
    }
    const results = await Promise.all(
      [...byCollector].map(([collector, routed]) => collector.collect(routed, options)),
    );
    const merged = merge(results);
    return { ...merged, warnings: [...merged.warnings, ...unrouted] };
  }
}

function merge(results: CollectResult[]): CollectResult {
  const resources: Resource[] = results.flatMap((result) => result.resources);
  return {
    resources,
    missing: results.flatMap((result) => result.missing),
    warnings: results.flatMap((result) => result.warnings),
  };
}
