import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import { type EcsTaskRole, type PolicyDocument, parsePolicyDocument } from '@customs/core';
import { lastName } from '../normalise/ecs-common.js';
import { isUnreadable, type Known, unreadable } from '../normalise/unreadable.js';
import { PAGE } from '../registry/call-info.js';
import type { ReadContext } from './context.js';

type Policy = EcsTaskRole['policies'][number];

/**
 * A task definition's task and execution roles with their identity policies (managed: ListAttached
 * RolePolicies → GetPolicy → GetPolicyVersion of the default version; inline: ListRolePolicies →
 * GetRolePolicy), documents parsed by core's parsePolicyDocument (URL-decoded). Each call goes
 * through the session, which makes it once per read: a role shared by 100 revisions is read
 * once, a managed policy attached to ten roles too. A role that does not exist grants nothing (no
 * policies, a warning); anything unknown makes the roles unreadable with the reason.
 */
export async function readTaskRoles(
  context: ReadContext,
  arns: { task?: string; execution?: string },
): Promise<Known<EcsTaskRole[]>> {
  const wanted = [
    ...(arns.task ? [{ kind: 'task' as const, arn: arns.task }] : []),
    ...(arns.execution ? [{ kind: 'execution' as const, arn: arns.execution }] : []),
  ];
  const roles = await Promise.all(
    wanted.map(async (role) => {
      const policies = await rolePolicies(context, role.arn);
      return isUnreadable(policies) ? policies : { ...role, policies: policies ?? [] };
    }),
  );
  return roles.find(isUnreadable) ?? (roles as EcsTaskRole[]);
}

/** The role's name: the ARN's last path segment (`role/path/name`). */
function roleName(arn: string): string {
  return lastName(arn);
}

async function rolePolicies(context: ReadContext, arn: string): Promise<Known<Policy[]>> {
  const { session } = context;
  const RoleName = roleName(arn);
  const [attached, inline] = await Promise.all([
    session.paginate({ service: 'iam', operation: 'ListAttachedRolePolicies', keys: [RoleName] }, (aws) =>
      paginateListAttachedRolePolicies({ client: aws.iam, pageSize: PAGE.iam }, { RoleName }),
    ),
    session.paginate({ service: 'iam', operation: 'ListRolePolicies', keys: [RoleName] }, (aws) =>
      paginateListRolePolicies({ client: aws.iam, pageSize: PAGE.iam }, { RoleName }),
    ),
  ]);
  if (isUnreadable(attached)) return attached;
  if (isUnreadable(inline)) return inline;
  if (attached === undefined || inline === undefined) {
    session.warn(`iam role ${RoleName} (named by a task definition) does not exist; it grants nothing`);
    return [];
  }
  const policies = await Promise.all([
    ...(attached.AttachedPolicies ?? []).flatMap((policy) =>
      policy.PolicyArn ? [managedPolicy(context, policy.PolicyArn, policy.PolicyName)] : [],
    ),
    ...(inline.PolicyNames ?? []).map((name) => inlinePolicy(context, RoleName, name)),
  ]);
  return policies.find(isUnreadable) ?? (policies as Policy[]);
}

function parsed(document: unknown, what: string): Known<PolicyDocument> {
  try {
    return parsePolicyDocument(document);
  } catch (error) {
    return unreadable(`${what} cannot be read: ${(error as Error).message}`);
  }
}

async function managedPolicy(
  context: ReadContext,
  PolicyArn: string,
  name: string | undefined,
): Promise<Known<Policy>> {
  const { session } = context;
  const policy = await session.send({ service: 'iam', operation: 'GetPolicy', keys: [PolicyArn] }, (aws) =>
    aws.iam.send(new GetPolicyCommand({ PolicyArn })),
  );
  if (isUnreadable(policy)) return policy;
  const VersionId = policy?.Policy?.DefaultVersionId;
  const policyName = name ?? policy?.Policy?.PolicyName ?? lastName(PolicyArn);
  // detached or deleted since it was listed: it grants nothing
  if (!VersionId) return { name: policyName, arn: PolicyArn };
  const version = await session.send(
    { service: 'iam', operation: 'GetPolicyVersion', keys: [PolicyArn, VersionId] },
    (aws) => aws.iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId })),
  );
  if (isUnreadable(version)) return version;
  if (version?.PolicyVersion === undefined) return { name: policyName, arn: PolicyArn };
  const document = parsed(version.PolicyVersion.Document, `policy ${PolicyArn} ${VersionId}`);
  if (isUnreadable(document)) return document;
  return { name: policyName, arn: PolicyArn, ...(document ? { document } : {}) };
}

async function inlinePolicy(
  context: ReadContext,
  RoleName: string,
  PolicyName: string,
): Promise<Known<Policy>> {
  const body = await context.session.send(
    { service: 'iam', operation: 'GetRolePolicy', keys: [RoleName, PolicyName] },
    (aws) => aws.iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })),
  );
  if (isUnreadable(body)) return body;
  if (body === undefined) return { name: PolicyName };
  const document = parsed(body.PolicyDocument, `inline policy ${PolicyName} of role ${RoleName}`);
  if (isUnreadable(document)) return document;
  return { name: PolicyName, ...(document ? { document } : {}) };
}
