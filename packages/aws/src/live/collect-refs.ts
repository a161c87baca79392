import type { ResourceRef } from '@customs/core';
import { iamRefOutcome } from '../iam-ref.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import { found, MISSING, type RefOutcome } from '../ref-outcome.js';
import { describeImages, listRepositories, readImages, readRegistry, readRepositories } from './read-ecr.js';
import {
  describeCluster,
  describeNodegroup,
  listNodegroups,
  readAccessEntry,
  readCluster,
  readNodegroup,
} from './read-eks.js';
import {
  type IamContext,
  iamPolicies,
  iamRoles,
  readIamAccount,
  readIamDetails,
  readIamUsers,
} from './read-iam.js';

/** Not found is `missing`; unreadable (access denied) is skipped, since existence is unknown. */
async function whenPresent<T>(
  value: Known<T>,
  then: (present: T) => Promise<RefOutcome>,
): Promise<RefOutcome> {
  if (value === undefined) return MISSING;
  if (isUnreadable(value)) return { skipped: value.unreadable };
  return then(value);
}

/**
 * Re-reads the resource a ref names with targeted calls (DescribeRepositories of one name,
 * DescribeImages of one digest, DescribeCluster…), plus what its change re-assesses: an IAM
 * user's or role's inline policies, the users and roles a managed policy is attached to.
 */
export async function collectRef(context: IamContext, ref: ResourceRef, iam: boolean): Promise<RefOutcome> {
  const { scope } = context;
  if (ref.accountId && ref.accountId !== scope.accountId) {
    return { skipped: `account ${ref.accountId} is not the collector's (${scope.accountId})` };
  }
  const isIam = ref.type.startsWith('iam-');
  if (isIam && !iam) return { skipped: 'IAM is read by the collector of another region' };
  if (ref.region && ref.region !== scope.region && !isIam) {
    return { skipped: `region ${ref.region} is not the collector's (${scope.region})` };
  }
  const needsParent = ['ecr-image', 'eks-nodegroup', 'eks-access-entry'].includes(ref.type);
  if (needsParent && !ref.parent) return { skipped: `a ${ref.type} ref needs its parent` };
  const parent = ref.parent ?? '';
  switch (ref.type) {
    case 'ecr-registry':
      return ref.name === scope.accountId ? found([await readRegistry(context)]) : MISSING;
    case 'ecr-repository':
      return whenPresent(await listRepositories(context, ref.name), async (repositories) =>
        found(await readRepositories(context, repositories, false)),
      );
    case 'ecr-image':
      return whenPresent(await listRepositories(context, parent), async ([repository]) =>
        repository
          ? whenPresent(await describeImages(context, parent, ref.name), async (details) =>
              found(await readImages(context, repository, details)),
            )
          : MISSING,
      );
    case 'eks-cluster':
      return whenPresent(await describeCluster(context, ref.name), async (cluster) =>
        found([await readCluster(context, cluster, await listNodegroups(context, ref.name))]),
      );
    case 'eks-nodegroup':
      return whenPresent(await describeNodegroup(context, parent, ref.name), async (nodegroup) =>
        found([await readNodegroup(context, nodegroup)]),
      );
    case 'eks-access-entry': {
      const entry = await readAccessEntry(context, parent, ref.name);
      if (entry === undefined) return MISSING;
      return entry.unreadable?.entryType?.startsWith('AccessDenied')
        ? { skipped: entry.unreadable.entryType }
        : found([entry]);
    }
    case 'iam-user':
    case 'iam-role':
    case 'iam-policy':
      return whenPresent(await readIamDetails(context), (details) => collectIamRef(context, ref, details));
    case 'iam-account':
      return ref.name === scope.accountId ? found([await readIamAccount(context)]) : MISSING;
  }
}

async function collectIamRef(
  context: IamContext,
  ref: ResourceRef,
  details: Awaited<ReturnType<typeof readIamDetails>> & object,
): Promise<RefOutcome> {
  if (isUnreadable(details)) return { skipped: details.unreadable };
  return iamRefOutcome(ref, {
    details,
    policies: iamPolicies(context, details),
    users: (names) => readIamUsers(context, details, names),
    roles: (names) => iamRoles(context, details, names),
  });
}
