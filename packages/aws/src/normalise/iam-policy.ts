import { type IamPolicy, type PolicyDocument, parsePolicyDocument, regionOfType } from '@customs/core';
import type {
  AuthorizationDetails,
  InlinePolicyInput,
  ManagedPolicyInput,
  PrincipalDetails,
} from './iam-authorization-details.js';
import { UnreadableProperties, withUnreadable } from './unreadable.js';
import { parseArn, type Scope } from './wire.js';

/** Why a customer-managed policy attached to a principal has no document. */
export const POLICY_NOT_RETURNED =
  'the policy is attached but GetAccountAuthorizationDetails did not return it in Policies';

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/**
 * Every managed and inline policy of the account.
 *
 * Managed policies in `Policies` carry their default version's document and the principals
 * they are attached to. A policy attached to a user, group or role but absent from `Policies`
 * is still returned, known by its ARN, name and attachments, without a document:
 * - an AWS managed policy (`arn:aws:iam::aws:policy/...`, left out by `--filter
 *   LocalManagedPolicy`): its document is AWS's, public, and not judged by the catalog, so it
 *   is not marked unreadable;
 * - a customer-managed one (a truncated or filtered body): `unreadable.document` says why, so
 *   the checks that judge its document report ERROR rather than a verdict.
 * Inline policies of users, groups and roles have kind `inline` and id
 * `<principalArn>/inline-policy/<name>`, name `<principal>/<name>`.
 * @example normaliseIamPolicies({ scope, details: readAuthorizationDetails(body) })
 */
export function normaliseIamPolicies(input: { scope: Scope; details: AuthorizationDetails }): IamPolicy[] {
  const { scope, details } = input;
  const principals: PrincipalDetails<unknown>[] = [...details.users, ...details.groups, ...details.roles];
  const attachments = new Map<string, { name: string; principals: string[] }>();
  for (const principal of principals) {
    for (const policy of principal.attached) {
      if (!policy.PolicyArn) continue;
      const entry = attachments.get(policy.PolicyArn) ?? { name: policy.PolicyName ?? '', principals: [] };
      entry.principals.push(principal.arn);
      attachments.set(policy.PolicyArn, entry);
    }
  }
  const managed = details.policies.map((policy) =>
    managedPolicy(scope, policy, attachments.get(policy.Arn ?? '')?.principals ?? []),
  );
  const known = new Set(details.policies.map((policy) => policy.Arn));
  const unreturned = [...attachments.entries()]
    .filter(([arn]) => !known.has(arn))
    .map(([arn, { name, principals: attachedTo }]) =>
      managedPolicy(
        scope,
        { Arn: arn, PolicyName: name || arn.split('/').pop() },
        attachedTo,
        AWS_MANAGED.test(arn) ? 'aws-managed' : POLICY_NOT_RETURNED,
      ),
    );
  const inline = principals.flatMap((principal) =>
    principal.inline.map((policy) => inlinePolicy(scope, principal, policy)),
  );
  return [...managed, ...unreturned, ...inline];
}

function managedPolicy(
  scope: Scope,
  policy: ManagedPolicyInput,
  attachedTo: string[],
  /** Why the policy has no document: it is AWS managed, or a reason it is unreadable. */
  missingReason?: string,
): IamPolicy {
  const arn = policy.Arn ?? '';
  const unreadable = new UnreadableProperties();
  const document = missingReason ? undefined : defaultDocument(policy, unreadable);
  if (missingReason && missingReason !== 'aws-managed') unreadable.add('document', missingReason);
  return {
    type: 'iam-policy',
    id: arn,
    name: policy.PolicyName ?? arn.split('/').pop() ?? arn,
    ...iamLocation(arn, scope),
    kind: 'managed',
    awsManaged: AWS_MANAGED.test(arn),
    attachmentCount: policy.AttachmentCount ?? attachedTo.length,
    attachedTo,
    ...(document ? { document } : {}),
    ...withUnreadable(unreadable),
  };
}

function inlinePolicy(
  scope: Scope,
  principal: PrincipalDetails<unknown>,
  policy: InlinePolicyInput,
): IamPolicy {
  const unreadable = new UnreadableProperties();
  const name = policy.PolicyName ?? '';
  const document = documentOf(policy.PolicyDocument, unreadable);
  return {
    type: 'iam-policy',
    id: `${principal.arn}/inline-policy/${name}`,
    name: `${principal.name}/${name}`,
    ...iamLocation(principal.arn, scope),
    kind: 'inline',
    awsManaged: false,
    attachmentCount: 1,
    attachedTo: [principal.arn],
    ...(document ? { document } : {}),
    ...withUnreadable(unreadable),
  };
}

function defaultDocument(
  policy: ManagedPolicyInput,
  unreadable: UnreadableProperties,
): PolicyDocument | undefined {
  const versions = Array.isArray(policy.PolicyVersionList) ? policy.PolicyVersionList : [];
  const defaultVersion = versions.find(
    (version) => version.IsDefaultVersion === true || version.VersionId === policy.DefaultVersionId,
  );
  if (defaultVersion) return documentOf(defaultVersion.Document, unreadable);
  unreadable.add(
    'document',
    `the default version ${policy.DefaultVersionId ?? ''} is not in PolicyVersionList`,
  );
  return undefined;
}

function documentOf(document: unknown, unreadable: UnreadableProperties): PolicyDocument | undefined {
  try {
    return parsePolicyDocument(document);
  } catch (error) {
    unreadable.add('document', `the policy document cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

function iamLocation(arn: string, scope: Scope): { accountId: string; region: string } {
  const account = parseArn(arn)?.accountId;
  return {
    accountId: account && account !== 'aws' ? account : scope.accountId,
    region: regionOfType('iam-policy', scope.region),
  };
}
