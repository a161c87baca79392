import type { ResourceRef } from '@customs/core';
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
  const policies = iamPolicies(context, details);
  if (ref.type === 'iam-policy') {
    const id = ref.parent ? `${ref.parent}/inline-policy/${ref.name}` : ref.name;
    const matched = policies.filter((policy) => policy.id === id);
    if (ref.parent || matched.length === 0) return found(matched);
    // A managed policy's change re-assesses the users and roles it is attached to (CHECKS.md).
    const attached = new Set(matched.flatMap((policy) => policy.attachedTo));
    const userNames = details.users.filter((user) => attached.has(user.arn)).map((user) => user.name);
    const roleNames = details.roles.filter((role) => attached.has(role.arn)).map((role) => role.name);
    const users = userNames.length > 0 ? await readIamUsers(context, details, userNames) : [];
    return found([...matched, ...users, ...iamRoles(context, details, roleNames)]);
  }
  const principals =
    ref.type === 'iam-user'
      ? await readIamUsers(context, details, [ref.name])
      : iamRoles(context, details, [ref.name]);
  const arns = new Set(principals.map((principal) => principal.id));
  const inline = policies.filter(
    (policy) => policy.kind === 'inline' && policy.attachedTo.some((arn) => arns.has(arn)),
  );
  return found([...principals, ...inline]);
}
