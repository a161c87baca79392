import type { AccessEntry, AssociatedAccessPolicy } from '@aws-sdk/client-eks';
import type { EksAccessEntry } from '@customs/core';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, type Wire } from './wire.js';

/** What an EKS access entry is read from. */
export interface EksAccessEntryInput {
  scope: Scope;
  clusterName: string;
  /** The entry's principal, as ListAccessEntries lists it. */
  principalArn: string;
  /** DescribeAccessEntry `accessEntry`; undefined when not read. */
  entry: Known<Wire<AccessEntry>>;
  /** ListAssociatedAccessPolicies `associatedAccessPolicies`; undefined = none. */
  associatedPolicies: Known<Wire<AssociatedAccessPolicy>[]>;
}

/**
 * An EKS access entry. Its id is `accessEntryArn` when DescribeAccessEntry was read, else
 * `arn:aws:eks:<region>:<account>:access-entry/<cluster>/<principalArn>`.
 * @example normaliseEksAccessEntry({ scope, clusterName: 'prod', principalArn, entry: undefined, associatedPolicies: [] });
 */
export function normaliseEksAccessEntry(input: EksAccessEntryInput): EksAccessEntry {
  const { scope, clusterName, principalArn } = input;
  const unreadable = new UnreadableProperties();
  const entry = isUnreadable(input.entry) ? undefined : input.entry;
  if (!entry) {
    const reason = isUnreadable(input.entry) ? input.entry.unreadable : 'DescribeAccessEntry was not read';
    for (const property of ['entryType', 'kubernetesGroups', 'username']) unreadable.add(property, reason);
  }
  const where = locate(entry?.accessEntryArn, scope);
  return {
    type: 'eks-access-entry',
    id:
      entry?.accessEntryArn ??
      `arn:aws:eks:${where.region}:${where.accountId}:access-entry/${clusterName}/${principalArn}`,
    name: `${clusterName}/${principalArn}`,
    ...where,
    clusterName,
    principalArn,
    ...(entry?.type ? { entryType: entry.type } : {}),
    kubernetesGroups: entry?.kubernetesGroups ?? [],
    ...(entry?.username ? { username: entry.username } : {}),
    associatedPolicies: associatedPoliciesOf(input.associatedPolicies, unreadable),
    ...withUnreadable(unreadable),
  };
}

function associatedPoliciesOf(
  policies: EksAccessEntryInput['associatedPolicies'],
  unreadable: UnreadableProperties,
): EksAccessEntry['associatedPolicies'] {
  if (isUnreadable(policies)) {
    unreadable.add('associatedPolicies', policies.unreadable);
    return [];
  }
  return (policies ?? []).map((policy) => ({
    policyArn: policy.policyArn ?? '',
    accessScope: {
      type: policy.accessScope?.type ?? '',
      namespaces: policy.accessScope?.namespaces ?? [],
    },
  }));
}
