import type { Collector } from '@customs/aws';
import type { RegionInventory } from './sweep-plan.js';

/** Counts what the coordinator plans with. */
export type Inventory = () => Promise<RegionInventory>;

/**
 * The inventory of a collector: its own (`Collector.inventory`: DescribeRepositories and
 * ListClusters, live or from a snapshot; it throws when they cannot be listed, as a sweep that
 * cannot list cannot be planned nor tell what was deleted); for another, what `collectAll` reads.
 * @example const inventory = inventoryOf(dependencies.collector);
 */
export function inventoryOf(collector: Collector): Inventory {
  const own = collector.inventory?.bind(collector);
  if (own) return own;
  return async function countCollected() {
    const { resources } = await collector.collectAll();
    return {
      region: collector.scope.region,
      repositories: resources.filter((r) => r.type === 'ecr-repository').map((r) => r.name),
      clusters: resources.filter((r) => r.type === 'eks-cluster').length,
    };
  };
}
