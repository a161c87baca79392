import { IAM_REGION, type SweepUnit } from '@customs/aws';
import { RESOURCE_TYPES, type Resource, type ResourceType } from '@customs/core';
import type { StoredFinding } from '@customs/store';

/** Where a sweep, or a unit of it, resolves the findings of resources it did not see. */
export interface UnitScope {
  region: string;
  resourceTypes: ResourceType[];
  inScope?: (finding: StoredFinding) => boolean;
}

const ofPrefix = (prefix: string) => RESOURCE_TYPES.filter((type) => type.startsWith(prefix));
const REPOSITORY_TYPES: ResourceType[] = ['ecr-repository', 'ecr-image'];

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
 * What a unit of a split sweep may resolve, given what it read: `iam` the IAM types (when it
 * read IAM at all, as a whole sweep does), `eks` the region's EKS types, `ecr-registry` the
 * registry, a repository slice the repositories and images of the repositories it read only.
 * @example unitScopes({ service: 'eks', region: 'eu-west-1' }, resources)
 */
export function unitScopes(unit: SweepUnit, resources: readonly Resource[]): UnitScope[] {
  switch (unit.service) {
    case 'iam':
      return resources.some((resource) => resource.type.startsWith('iam-'))
        ? [{ region: IAM_REGION, resourceTypes: ofPrefix('iam-') }]
        : [];
    case 'eks':
      return [{ region: unit.region, resourceTypes: ofPrefix('eks-') }];
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
  }
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
