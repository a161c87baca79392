import { type IamRole, type PolicyDocument, parsePolicyDocument, regionOfType } from '@customs/core';
import type { PrincipalDetails, RoleDetailInput } from './iam-authorization-details.js';
import { UnreadableProperties, withUnreadable } from './unreadable.js';
import { parseArn, type Scope } from './wire.js';

/**
 * An IAM role from GetAccountAuthorizationDetails, with its trust policy parsed.
 * @example normaliseIamRole({ scope, role: details.roles[0] }).trustPolicy?.Statement[0]?.Principal
 */
export function normaliseIamRole(input: { scope: Scope; role: PrincipalDetails<RoleDetailInput> }): IamRole {
  const { role } = input;
  const unreadable = new UnreadableProperties();
  const trustPolicy = trustPolicyOf(role.detail.AssumeRolePolicyDocument, unreadable);
  return {
    type: 'iam-role',
    id: role.arn,
    name: role.name,
    accountId: parseArn(role.arn)?.accountId || input.scope.accountId,
    region: regionOfType('iam-role', input.scope.region),
    ...(role.detail.Path ? { path: role.detail.Path } : {}),
    ...(trustPolicy ? { trustPolicy } : {}),
    attachedPolicyArns: role.attached.flatMap((policy) => (policy.PolicyArn ? [policy.PolicyArn] : [])),
    inlinePolicyNames: role.inline.flatMap((policy) => (policy.PolicyName ? [policy.PolicyName] : [])),
    ...withUnreadable(unreadable),
  };
}

function trustPolicyOf(document: unknown, unreadable: UnreadableProperties): PolicyDocument | undefined {
  if (document === undefined) {
    unreadable.add('trustPolicy', 'the role has no AssumeRolePolicyDocument');
    return undefined;
  }
  try {
    return parsePolicyDocument(document);
  } catch (error) {
    unreadable.add('trustPolicy', `the trust policy cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}
