import type { IncompleteScope, SweepUnit } from '@customs/aws';
import {
  childTypesOf,
  GLOBAL_SERVICES,
  REGIONAL_SERVICES,
  type Resource,
  type ResourceType,
  regionOfService,
  SERVICES,
  type Service,
  typesOfService,
} from '@customs/core';
import type { StoredFinding } from '@customs/store';

/** Where a sweep, or a unit of it, resolves the findings of resources it did not see. */
export interface UnitScope {
  /** The account whose findings it resolves [the collector's]: a routed sweep's member account. */
  accountId?: string;
  region: string;
  resourceTypes: ResourceType[];
  inScope?: (finding: StoredFinding) => boolean;
}

/** A repository and the types whose resources live in one (its images). */
const REPOSITORY_TYPES: ResourceType[] = ['ecr-repository', ...childTypesOf('ecr-repository')];

/** A cluster's Kubernetes types (its API, namespaces and workloads). */
const K8S_TYPES: ResourceType[] = typesOfService('k8s');

/**
 * The EKS cluster ARN a Kubernetes finding belongs to: its resource id up to `/kubernetes`,
 * `/namespace/…` or `/<namespace>/<Kind>/<name>` (cluster ARNs end `cluster/<name>`).
 * @example clusterArnOf({ resourceId: 'arn:aws:eks:us-west-2:111122223333:cluster/prod/kubernetes' }) // '…:cluster/prod'
 */
export function clusterArnOf(finding: Pick<StoredFinding, 'resourceId'>): string {
  const id = finding.resourceId;
  const at = id.indexOf(':cluster/');
  if (at < 0) return id;
  const end = id.indexOf('/', at + ':cluster/'.length);
  return end < 0 ? id : id.slice(0, end);
}

/**
 * The repository a repository or image finding belongs to: its name, or the part of an image's
 * `<repository>@<digest>` before the `@` (repository names cannot contain one).
 * @example repositoryOf({ resourceType: 'ecr-image', resourceName: 'team/app@sha256:…' }) // 'team/app'
 */
export function repositoryOf(finding: Pick<StoredFinding, 'resourceType' | 'resourceName'>): string {
  const { resourceName } = finding;
  if (finding.resourceType !== 'ecr-image') return resourceName;
  const at = resourceName.indexOf('@');
  return at < 0 ? resourceName : resourceName.slice(0, at);
}

/**
 * What a sweep of a whole service read in `region` may resolve: the service's types, where they
 * are stored (a global service's home region); a global service only when the sweep read some
 * of it, since it is read once and a sweep that did not read it says nothing of it.
 * @example serviceScopes('iam', 'eu-west-1', resources) // [{ region: 'us-east-1', resourceTypes: ['iam-user', …] }]
 */
export function serviceScopes(service: Service, region: string, resources: readonly Resource[]): UnitScope[] {
  const resourceTypes = typesOfService(service);
  const read = resources.some((resource) => resourceTypes.includes(resource.type));
  if (SERVICES[service].scope === 'global' && !read) return [];
  return [{ region: regionOfService(service, region), resourceTypes }];
}

/**
 * What a whole sweep of `region` may resolve: every regional type in the region, and each global
 * service it read (see {@link serviceScopes}).
 * @example sweepScopes('eu-west-1', resources)
 */
export function sweepScopes(region: string, resources: readonly Resource[]): UnitScope[] {
  return [
    { region, resourceTypes: REGIONAL_SERVICES.flatMap(typesOfService) },
    ...GLOBAL_SERVICES.flatMap((service) => serviceScopes(service, region, resources)),
  ];
}

/**
 * What a unit of a split sweep may resolve, given what it read: a unit of a whole service its
 * service's types ({@link serviceScopes}: IAM's when it read IAM at all, as a whole sweep does;
 * the region's EKS types), `ecr-registry` the registry, a repository slice the repositories and
 * images of the repositories it read only.
 * @example unitScopes({ service: 'eks', region: 'eu-west-1' }, resources)
 */
export function unitScopes(unit: SweepUnit, resources: readonly Resource[]): UnitScope[] {
  switch (unit.service) {
    case 'ecr-registry':
      return [{ region: unit.region, resourceTypes: ['ecr-registry'] }];
    case 'ecr-repositories': {
      const slice = new Set(
        resources.filter((resource) => resource.type === 'ecr-repository').map((resource) => resource.name),
      );
      if (slice.size === 0) return [];
      return [
        {
          region: unit.region,
          resourceTypes: REPOSITORY_TYPES,
          inScope: (finding) => slice.has(repositoryOf(finding)),
        },
      ];
    }
    case 'k8s-clusters': {
      // the clusters of the slice (each gives its k8s-cluster, readable or not)
      const slice = new Set(
        resources.filter((resource) => resource.type === 'k8s-cluster').map((resource) => resource.id),
      );
      if (slice.size === 0) return [];
      return [
        {
          region: unit.region,
          resourceTypes: K8S_TYPES,
          inScope: (finding) => slice.has(`${clusterArnOf(finding)}/kubernetes`),
        },
      ];
    }
    case 'eks': {
      // the Kubernetes types of clusters that no longer exist, which no k8s-clusters slice reads
      const clusters = new Set(
        resources.filter((resource) => resource.type === 'eks-cluster').map((resource) => resource.id),
      );
      return [
        ...serviceScopes('eks', unit.region, resources),
        {
          region: unit.region,
          resourceTypes: K8S_TYPES,
          inScope: (finding) => !clusters.has(clusterArnOf(finding)),
        },
      ];
    }
    default:
      return serviceScopes(unit.service, unit.region, resources);
  }
}

/**
 * Narrows the scopes to leave out what the read could not enumerate (a cluster whose
 * Kubernetes API is unreadable: its namespaces' and workloads' findings stay as they were).
 * @example withoutIncomplete(scopes, result.incomplete ?? [])
 */
export function withoutIncomplete(scopes: UnitScope[], incomplete: readonly IncompleteScope[]): UnitScope[] {
  if (incomplete.length === 0) return scopes;
  return scopes.map((scope) => {
    const inScope = scope.inScope ?? (() => true);
    return {
      ...scope,
      inScope: (finding: StoredFinding) =>
        inScope(finding) &&
        !incomplete.some(
          (unknown) =>
            unknown.resourceTypes.includes(finding.resourceType) &&
            finding.resourceId.startsWith(unknown.idPrefix),
        ),
    };
  });
}

/**
 * The coordinator's scope: the repositories and images of repositories that no longer exist at
 * all (not among `repositories`, the names listed now), which no slice reads.
 * @example deletedRepositoriesScope('eu-west-1', ['team/app'])
 */
export function deletedRepositoriesScope(region: string, repositories: readonly string[]): UnitScope {
  const listed = new Set(repositories);
  return {
    region,
    resourceTypes: REPOSITORY_TYPES,
    inScope: (finding) => !listed.has(repositoryOf(finding)),
  };
}
