import type { IamPolicy, IamRole, IamUser, ResourceRef } from '@customs/core';
import type { AuthorizationDetails } from '../normalise/iam-authorization-details.js';
import { found, type RefOutcome } from './ref-outcome.js';

/** How a collector reads IAM principals out of GetAccountAuthorizationDetails. */
export interface IamReaders {
  details: AuthorizationDetails;
  policies: IamPolicy[];
  users(names: string[]): Promise<IamUser[]>;
  roles(names: string[]): IamRole[];
}

/**
 * What an IAM ref re-assesses (CHECKS.md): a user or role with its inline policies; an inline
 * policy alone; a managed policy with the users and roles it is attached to.
 * @example return iamRefOutcome(ref, { details, policies, users: (n) => readIamUsers(context, details, n), roles: (n) => iamRoles(context, details, n) });
 */
export async function iamRefOutcome(ref: ResourceRef, readers: IamReaders): Promise<RefOutcome> {
  const { details, policies } = readers;
  if (ref.type === 'iam-policy') {
    const id = ref.parent ? `${ref.parent}/inline-policy/${ref.name}` : ref.name;
    const matched = policies.filter((policy) => policy.id === id);
    if (ref.parent || matched.length === 0) return found(matched);
    const attached = new Set(matched.flatMap((policy) => policy.attachedTo));
    const userNames = details.users.filter((user) => attached.has(user.arn)).map((user) => user.name);
    const roleNames = details.roles.filter((role) => attached.has(role.arn)).map((role) => role.name);
    const users = userNames.length > 0 ? await readers.users(userNames) : [];
    return found([...matched, ...users, ...readers.roles(roleNames)]);
  }
  const principals = ref.type === 'iam-user' ? await readers.users([ref.name]) : readers.roles([ref.name]);
  const arns = new Set(principals.map((principal) => principal.id));
  const inline = policies.filter(
    (policy) => policy.kind === 'inline' && policy.attachedTo.some((arn) => arns.has(arn)),
  );
  return found([...principals, ...inline]);
}
