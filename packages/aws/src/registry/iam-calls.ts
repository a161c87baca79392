import type * as iam from '@aws-sdk/client-iam';
import type { AuthorizationDetailsInput } from '../normalise/iam-authorization-details.js';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

const USER = ['user'] as const;
const ROLE = ['role'] as const;

/** GetRolePolicy: the SDK gives the document URL-encoded, the CLI prints it decoded (an object). */
export type RolePolicyBody = Omit<Wire<iam.GetRolePolicyResponse>, 'PolicyDocument'> & {
  PolicyDocument?: unknown;
};

/** GetPolicyVersion: the document URL-encoded (SDK) or decoded (CLI). */
export type PolicyVersionBody = {
  PolicyVersion?: Omit<Wire<iam.PolicyVersion>, 'Document'> & { Document?: unknown };
};

/** The calls of AWS IAM, by operation (see CALLS). */
export const IAM_CALLS = {
  GetAccountAuthorizationDetails: call<AuthorizationDetailsInput>()({
    keys: [],
    schema: schemas.iam.getAccountAuthorizationDetails,
    missing: 'absent',
    per: 'account',
    pages: { of: 'iam-entity', size: PAGE.iam },
  }),
  GenerateCredentialReport: call<Wire<iam.GenerateCredentialReportResponse>>()({
    keys: [],
    per: 'account',
  }),
  GetCredentialReport: call<Wire<iam.GetCredentialReportResponse>>()({
    keys: [],
    schema: schemas.iam.getCredentialReport,
    per: 'account',
  }),
  GetAccountSummary: call<Wire<iam.GetAccountSummaryResponse>>()({
    keys: [],
    schema: schemas.iam.getAccountSummary,
    per: 'account',
  }),
  GetLoginProfile: call<Wire<iam.GetLoginProfileResponse>>()({
    keys: USER,
    schema: schemas.iam.getLoginProfile,
    per: 'iam-user',
    fallback: true,
  }),
  ListMFADevices: call<Wire<iam.ListMFADevicesResponse>>()({
    keys: USER,
    schema: schemas.iam.listMfaDevices,
    missing: 'not-recorded',
    per: 'iam-user',
    fallback: true,
  }),
  ListAccessKeys: call<Wire<iam.ListAccessKeysResponse>>()({
    keys: USER,
    schema: schemas.iam.listAccessKeys,
    missing: 'not-recorded',
    per: 'iam-user',
    fallback: true,
  }),
  // A task definition's task and execution roles (read by the ECS readers, once per role and policy).
  ListAttachedRolePolicies: call<Wire<iam.ListAttachedRolePoliciesResponse>>()({
    keys: ROLE,
    schema: schemas.iam.listAttachedRolePolicies,
    missing: 'not-recorded',
    per: 'ecs-role',
  }),
  ListRolePolicies: call<Wire<iam.ListRolePoliciesResponse>>()({
    keys: ROLE,
    schema: schemas.iam.listRolePolicies,
    missing: 'not-recorded',
    per: 'ecs-role',
  }),
  GetRolePolicy: call<RolePolicyBody>()({
    keys: ['role', 'policy'],
    schema: schemas.iam.getRolePolicy,
    missing: 'not-recorded',
    per: 'ecs-role-policy',
  }),
  GetPolicy: call<Wire<iam.GetPolicyResponse>>()({
    keys: ['policyArn'],
    schema: schemas.iam.getPolicy,
    missing: 'not-recorded',
    per: 'ecs-managed-policy',
  }),
  GetPolicyVersion: call<PolicyVersionBody>()({
    keys: ['policyArn', 'version'],
    schema: schemas.iam.getPolicyVersion,
    missing: 'not-recorded',
    per: 'ecs-managed-policy',
  }),
} as const;
