import type {
  DescribePullThroughCacheRulesResponse,
  GetRegistryScanningConfigurationResponse,
} from '@aws-sdk/client-ecr';
import type { EcrRegistry } from '@customs/core';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import type { Scope, Wire } from './wire.js';

/** What an ECR registry is read from. */
export interface EcrRegistryInput {
  scope: Scope;
  /** GetRegistryScanningConfiguration. */
  scanning: Known<Wire<GetRegistryScanningConfigurationResponse>>;
  /** DescribePullThroughCacheRules; undefined = no rules. */
  pullThroughCacheRules: Known<Wire<DescribePullThroughCacheRulesResponse>>;
}

/**
 * The account's private registry in the scope's region.
 * @example
 * normaliseEcrRegistry({ scope, scanning: { scanningConfiguration: { scanType: 'ENHANCED', rules: [] } },
 *   pullThroughCacheRules: undefined });
 */
export function normaliseEcrRegistry(input: EcrRegistryInput): EcrRegistry {
  const { scope, scanning, pullThroughCacheRules } = input;
  const unreadable = new UnreadableProperties();
  const accountId = (!isUnreadable(scanning) && scanning?.registryId) || scope.accountId;
  let scanType: string | undefined;
  let scanningRules: EcrRegistry['scanningRules'] = [];
  if (isUnreadable(scanning) || scanning === undefined) {
    const reason = isUnreadable(scanning) ? scanning.unreadable : 'no registry scanning configuration';
    unreadable.add('scanType', reason);
    unreadable.add('scanningRules', reason);
  } else {
    scanType = scanning.scanningConfiguration?.scanType;
    scanningRules = (scanning.scanningConfiguration?.rules ?? []).map(function toRule(rule) {
      return {
        scanFrequency: rule.scanFrequency ?? '',
        repositoryFilters: (rule.repositoryFilters ?? []).map((filter) => ({
          filter: filter.filter ?? '',
          filterType: filter.filterType ?? '',
        })),
      };
    });
  }
  let rules: EcrRegistry['pullThroughCacheRules'] = [];
  if (isUnreadable(pullThroughCacheRules)) {
    unreadable.add('pullThroughCacheRules', pullThroughCacheRules.unreadable);
  } else {
    rules = (pullThroughCacheRules?.pullThroughCacheRules ?? []).map((rule) => ({
      ecrRepositoryPrefix: rule.ecrRepositoryPrefix ?? '',
      upstreamRegistryUrl: rule.upstreamRegistryUrl ?? '',
    }));
  }
  return {
    type: 'ecr-registry',
    id: `arn:aws:ecr:${scope.region}:${accountId}:registry/${accountId}`,
    name: accountId,
    accountId,
    region: scope.region,
    ...(scanType === undefined ? {} : { scanType }),
    scanningRules,
    pullThroughCacheRules: rules,
    ...withUnreadable(unreadable),
  };
}
