import type { Timestamp } from './wire.js';

/** A list that AWS documentation sometimes prints as a single object. */
export type OneOrList<T> = T | T[];

/** `AttachedManagedPolicies` entry. */
export interface AttachedPolicyInput {
  PolicyName?: string;
  PolicyArn?: string;
}

/** An inline policy (`UserPolicyList`, `GroupPolicyList`, `RolePolicyList` entry). */
export interface InlinePolicyInput {
  PolicyName?: string;
  /** URL-encoded JSON from the SDK, an object in CLI output. */
  PolicyDocument?: unknown;
}

interface PrincipalInput {
  Arn?: string;
  Path?: string;
  CreateDate?: Timestamp;
  AttachedManagedPolicies?: OneOrList<AttachedPolicyInput>;
}

export interface UserDetailInput extends PrincipalInput {
  UserName?: string;
  GroupList?: OneOrList<string>;
  UserPolicyList?: OneOrList<InlinePolicyInput>;
}

export interface GroupDetailInput extends PrincipalInput {
  GroupName?: string;
  GroupPolicyList?: OneOrList<InlinePolicyInput>;
}

export interface RoleDetailInput extends PrincipalInput {
  RoleName?: string;
  AssumeRolePolicyDocument?: unknown;
  RolePolicyList?: OneOrList<InlinePolicyInput>;
}

export interface ManagedPolicyInput {
  PolicyName?: string;
  Arn?: string;
  DefaultVersionId?: string;
  AttachmentCount?: number;
  PolicyVersionList?: OneOrList<{ VersionId?: string; IsDefaultVersion?: boolean; Document?: unknown }>;
}

/**
 * GetAccountAuthorizationDetails as the SDK returns it or the CLI prints it (policy documents
 * as URL-encoded text or objects; a list printed as one object is accepted).
 */
export interface AuthorizationDetailsInput {
  UserDetailList?: OneOrList<UserDetailInput>;
  GroupDetailList?: OneOrList<GroupDetailInput>;
  RoleDetailList?: OneOrList<RoleDetailInput>;
  Policies?: OneOrList<ManagedPolicyInput>;
  IsTruncated?: boolean;
  Marker?: string;
}

/** A principal with its lists read. */
export interface PrincipalDetails<T> {
  detail: T;
  arn: string;
  name: string;
  attached: AttachedPolicyInput[];
  inline: InlinePolicyInput[];
}

/** GetAccountAuthorizationDetails with every list a list. */
export interface AuthorizationDetails {
  users: (PrincipalDetails<UserDetailInput> & { groups: string[] })[];
  groups: PrincipalDetails<GroupDetailInput>[];
  roles: PrincipalDetails<RoleDetailInput>[];
  policies: ManagedPolicyInput[];
  /** What was odd about the body, each naming the field (`GroupDetailList[0].AttachedManagedPolicies: ...`). */
  warnings: string[];
}

/**
 * Reads GetAccountAuthorizationDetails, coping with lists printed as single objects (AWS's
 * own CLI example does this for `AttachedManagedPolicies`); each oddity is a warning naming
 * the field. (A truncated body is the caller's to report: the SDK collector pages.)
 * @example readAuthorizationDetails(body).users.map((user) => user.name)
 */
export function readAuthorizationDetails(body: AuthorizationDetailsInput): AuthorizationDetails {
  const warnings: string[] = [];
  const list = <T>(value: OneOrList<T> | undefined, field: string): T[] => listOf(value, field, warnings);
  function principal<T extends PrincipalInput>(
    detail: T,
    field: string,
    name: string | undefined,
    inline: keyof T,
  ) {
    return {
      detail,
      arn: detail.Arn ?? '',
      name: name ?? '',
      attached: list(detail.AttachedManagedPolicies, `${field}.AttachedManagedPolicies`),
      inline: list(detail[inline] as OneOrList<InlinePolicyInput> | undefined, `${field}.${String(inline)}`),
    };
  }
  const users = list(body.UserDetailList, 'UserDetailList').map((user, index) => ({
    ...principal(user, `UserDetailList[${index}]`, user.UserName, 'UserPolicyList'),
    groups: list(user.GroupList, `UserDetailList[${index}].GroupList`),
  }));
  const groups = list(body.GroupDetailList, 'GroupDetailList').map((group, index) =>
    principal(group, `GroupDetailList[${index}]`, group.GroupName, 'GroupPolicyList'),
  );
  const roles = list(body.RoleDetailList, 'RoleDetailList').map((role, index) =>
    principal(role, `RoleDetailList[${index}]`, role.RoleName, 'RolePolicyList'),
  );
  const policies = list(body.Policies, 'Policies').map((policy, index) => ({
    ...policy,
    PolicyVersionList: list(policy.PolicyVersionList, `Policies[${index}].PolicyVersionList`),
  }));
  return { users, groups, roles, policies, warnings };
}

function listOf<T>(value: OneOrList<T> | undefined, field: string, warnings: string[]): T[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  warnings.push(`${field}: an object where AWS documents a list; read as a list of one`);
  return [value];
}
