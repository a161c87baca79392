import type { ResourceRef } from '@customs/core';
import type { CloudTrailDetail } from '../schemas/cloudtrail.js';
import { checkedName, nameIn, objectField } from './arn.js';

type Ref = Omit<ResourceRef, 'accountId' | 'region'>;
type RefsOf = (detail: CloudTrailDetail, accountId: string) => Ref[];

const REQUEST = 'detail.requestParameters';

/** A call on the caller's own credentials (no userName): the root user's are the account's. */
const credentialOwner: RefsOf = (detail, accountId) => {
  const userName = nameIn(detail.requestParameters, REQUEST, 'iam-user', 'userName');
  if (userName) return [{ type: 'iam-user', name: userName }];
  if (detail.userIdentity?.type === 'Root') return [{ type: 'iam-account', name: accountId }];
  const own = detail.userIdentity?.userName;
  return own
    ? [{ type: 'iam-user', name: checkedName(own, 'detail.userIdentity.userName', 'iam-user') }]
    : [];
};

const user: RefsOf = (detail) => {
  const name = nameIn(detail.requestParameters, REQUEST, 'iam-user', 'userName');
  return name ? [{ type: 'iam-user', name }] : [];
};
const role: RefsOf = (detail) => {
  const name = nameIn(detail.requestParameters, REQUEST, 'iam-role', 'roleName');
  return name ? [{ type: 'iam-role', name }] : [];
};
/** A managed policy; the collector re-reads the principals it is attached to with it. */
const policy: RefsOf = (detail) => {
  const arn =
    nameIn(detail.requestParameters, REQUEST, 'arn', 'policyArn') ??
    nameIn(objectField(detail.responseElements, 'policy'), 'detail.responseElements.policy', 'arn', 'arn');
  return arn ? [{ type: 'iam-policy', name: arn }] : [];
};
const both =
  (...builders: RefsOf[]): RefsOf =>
  (detail, accountId) =>
    builders.flatMap((build) => build(detail, accountId));

/** IAM API calls that change what a check reads, and what each re-assesses. */
export const IAM_CALLS: Record<string, RefsOf> = {
  CreateUser: user,
  DeleteUser: user,
  AddUserToGroup: user,
  RemoveUserFromGroup: user,
  AttachUserPolicy: both(user, policy),
  DetachUserPolicy: both(user, policy),
  PutUserPolicy: user,
  DeleteUserPolicy: user,
  CreateLoginProfile: user,
  UpdateLoginProfile: user,
  DeleteLoginProfile: user,
  EnableMFADevice: credentialOwner,
  DeactivateMFADevice: credentialOwner,
  CreateAccessKey: credentialOwner,
  UpdateAccessKey: credentialOwner,
  DeleteAccessKey: credentialOwner,
  CreateRole: role,
  DeleteRole: role,
  UpdateAssumeRolePolicy: role,
  AttachRolePolicy: both(role, policy),
  DetachRolePolicy: both(role, policy),
  PutRolePolicy: role,
  DeleteRolePolicy: role,
  CreatePolicy: policy,
  DeletePolicy: policy,
  CreatePolicyVersion: policy,
  DeletePolicyVersion: policy,
  SetDefaultPolicyVersion: policy,
};
