import { paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import { paginateListClusters } from '@aws-sdk/client-eks';
import { type AwsClients, AwsCollector, type Collector, PAGE } from '@customs/aws';
import type { RegionInventory } from './sweep-plan.js';

/** Counts what the coordinator plans with. */
export type Inventory = () => Promise<RegionInventory>;

/**
 * The region's repositories (DescribeRepositories, 1,000 a page) and clusters (ListClusters, 100 a
 * page): the few calls the coordinator makes before planning. A denied or failed call throws, as
 * a sweep that cannot list cannot be planned (nor can it tell what was deleted).
 * @example const { repositories, clusters } = await awsInventory(collector.clients, 'eu-west-1')();
 */
export function awsInventory(clients: AwsClients, region: string): Inventory {
  return async function countRegion() {
    const repositories: string[] = [];
    for await (const page of paginateDescribeRepositories({ client: clients.ecr, pageSize: PAGE.ecr }, {}))
      for (const repository of page.repositories ?? [])
        if (repository.repositoryName) repositories.push(repository.repositoryName);
    let clusters = 0;
    for await (const page of paginateListClusters({ client: clients.eks, pageSize: PAGE.eks }, {}))
      clusters += page.clusters?.length ?? 0;
    return { region, repositories, clusters };
  };
}

/**
 * The inventory of a collector: the SDK calls for the live collector; for another (a snapshot,
 * local and cheap) what `collectAll` reads.
 * @example const inventory = inventoryOf(dependencies.collector);
 */
export function inventoryOf(collector: Collector): Inventory {
  if (collector instanceof AwsCollector) return awsInventory(collector.clients, collector.scope.region);
  return async function countCollected() {
    const { resources } = await collector.collectAll();
    return {
      region: collector.scope.region,
      repositories: resources.filter((r) => r.type === 'ecr-repository').map((r) => r.name),
      clusters: resources.filter((r) => r.type === 'eks-cluster').length,
    };
  };
}
