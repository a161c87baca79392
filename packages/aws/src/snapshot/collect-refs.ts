import type { ResourceRef } from '@customs/core';
import { iamRefOutcome } from '../iam-ref.js';
import { found, MISSING, type RefOutcome } from '../ref-outcome.js';
import type { ReadContext } from './context.js';
import { listRepositories, readImages, readRegistry, readRepository } from './read-ecr.js';
import { listAccessEntries, readAccessEntry, readCluster, readNodegroup } from './read-eks.js';
import { iamPolicies, iamRoles, readIamAccount, readIamDetails, readIamUsers } from './read-iam.js';

/**
 * Re-reads the resource a ref names, plus what its change re-assesses: an IAM user's or
 * role's inline policies; the users and roles a managed policy is attached to.
 */
export async function collectRef(context: ReadContext, ref: ResourceRef): Promise<RefOutcome> {
  const { scope } = context;
  if (ref.accountId && ref.accountId !== scope.accountId) {
    return { skipped: `account ${ref.accountId} is not the snapshot's (${scope.accountId})` };
  }
  if (ref.region && ref.region !== scope.region && !ref.type.startsWith('iam-')) {
    return { skipped: `region ${ref.region} is not the snapshot's (${scope.region})` };
  }
  const needsParent = ['ecr-image', 'eks-nodegroup', 'eks-access-entry'].includes(ref.type);
  if (needsParent && !ref.parent) return { skipped: `a ${ref.type} ref needs its parent` };
  const parent = ref.parent ?? '';
  switch (ref.type) {
    case 'ecr-registry':
      return ref.name === scope.accountId ? found([await readRegistry(context)]) : MISSING;
    case 'ecr-repository': {
      const repository = (await listRepositories(context)).find((entry) => entry.repositoryName === ref.name);
      return repository ? found([await readRepository(context, repository)]) : MISSING;
    }
    case 'ecr-image': {
      const repository = (await listRepositories(context)).find((entry) => entry.repositoryName === parent);
      return repository ? found(await readImages(context, repository, [ref.name])) : MISSING;
    }
    case 'eks-cluster':
      return found([await readCluster(context, ref.name)].filter((item) => item !== undefined));
    case 'eks-nodegroup':
      return found([await readNodegroup(context, parent, ref.name)].filter((item) => item !== undefined));
    case 'eks-access-entry':
      return (await listAccessEntries(context, parent)).includes(ref.name)
        ? found([await readAccessEntry(context, parent, ref.name)])
        : MISSING;
    case 'iam-user':
    case 'iam-role':
    case 'iam-policy':
      return collectIamRef(context, ref);
    case 'iam-account':
      return ref.name === scope.accountId ? found([await readIamAccount(context)]) : MISSING;
  }
}

async function collectIamRef(context: ReadContext, ref: ResourceRef): Promise<RefOutcome> {
  const details = await readIamDetails(context);
  return iamRefOutcome(ref, {
    details,
    policies: iamPolicies(context, details),
    users: (names) => readIamUsers(context, details, names),
    roles: (names) => iamRoles(context, details, names),
  });
}
