import type { ResourceType } from '@customs/core';
import type { StoreContext } from './context.js';
import { findingFromItem } from './items.js';
import { accountRegionKey } from './keys.js';
import type { StoredFinding } from './model.js';
import { queryAll } from './run-query.js';

/** The sweep scope in which findings of resources that were not seen are resolved. */
export interface MissingScope {
  accountId: string;
  region: string;
  /** The resource types the sweep enumerated; findings of other types are left alone. */
  resourceTypes: readonly ResourceType[];
  /** Ids (ARNs) of every resource the sweep found. */
  presentResourceIds: Iterable<string>;
  reason: string;
  /** When the sweep read the account; findings evaluated after it are left alone. */
  at: string;
  /**
   * Narrows the candidates further (a split sweep's unit read only some repositories): only the
   * unseen findings it accepts are resolved [every one].
   */
  inScope?: (finding: StoredFinding) => boolean;
}

/** A resource known by its name, account, region and type (not its ARN). */
export interface NamedResource {
  accountId: string;
  region: string;
  resourceType: ResourceType;
  resourceName: string;
  reason: string;
  /** When the resource was found missing; findings evaluated after it are left alone. */
  at: string;
}

/**
 * The findings, in the scope's account, region and resource types, of resources the sweep did not
 * find (a Query on byAccountRegion per resource type), narrowed by `inScope`.
 */
export async function unseenFindings(context: StoreContext, scope: MissingScope): Promise<StoredFinding[]> {
  const present = new Set(scope.presentResourceIds);
  const inScope = scope.inScope ?? (() => true);
  const missing: StoredFinding[] = [];
  for (const resourceType of new Set(scope.resourceTypes)) {
    const items = await queryAll(context, {
      index: 'byAccountRegion',
      partitions: [{ pk: accountRegionKey(scope.accountId, scope.region), prefix: `${resourceType}#` }],
      filters: {},
    });
    for (const finding of items.map(findingFromItem))
      if (!present.has(finding.resourceId) && inScope(finding)) missing.push(finding);
  }
  return missing;
}

/** The findings of a resource known by its name only: a Query on byAccountRegion for its type, filtered on `resourceName`. */
export async function namedFindings(context: StoreContext, named: NamedResource): Promise<StoredFinding[]> {
  const items = await queryAll(context, {
    index: 'byAccountRegion',
    partitions: [{ pk: accountRegionKey(named.accountId, named.region), prefix: `${named.resourceType}#` }],
    filters: { resourceName: named.resourceName },
  });
  return items.map(findingFromItem);
}
