import type { AccountRouter, ScopeFailure } from '@customs/aws';
import type { Resource } from '@customs/core';
import { sweepScopes, type UnitScope } from './unit-scopes.js';

/**
 * What a whole sweep through an {@link AccountRouter} may resolve: in each account × region it
 * read (never one in `failures`, which it could not read), that scope's types, in the region its
 * collector reads (a local snapshot's own `account.json` region); each account's global services
 * (IAM) once, with its first region's. Without it a routed sweep would resolve only the home
 * account's findings: a resource removed from a member account would never resolve.
 * @example const scopes = await routedSweepScopes(router, resources, result.failures);
 */
export async function routedSweepScopes(
  router: AccountRouter,
  resources: readonly Resource[],
  failures: readonly ScopeFailure[] = [],
): Promise<UnitScope[]> {
  const failed = new Set(failures.map(({ scope }) => `${scope.accountId} ${scope.region}`));
  const scopes: UnitScope[] = [];
  const firstRegionRead = new Set<string>();
  for (const scope of await router.scopes()) {
    if (failed.has(`${scope.accountId} ${scope.region}`)) continue;
    const { region } = (await router.collectorOf(scope)).scope;
    const own = resources.filter((resource) => resource.accountId === scope.accountId);
    const readsGlobal = !firstRegionRead.has(scope.accountId);
    firstRegionRead.add(scope.accountId);
    for (const each of sweepScopes(region, readsGlobal ? own : [])) {
      scopes.push({ ...each, accountId: scope.accountId });
    }
  }
  return scopes;
}
