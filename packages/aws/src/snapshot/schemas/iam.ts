import * as z from 'zod';
import { object, oneOrList, timestamp } from './common.js';

const attached = object({ PolicyName: z.string().optional(), PolicyArn: z.string().optional() });
const inline = object({ PolicyName: z.string().optional(), PolicyDocument: z.unknown() });
const principal = {
  Arn: z.string(),
  Path: z.string().optional(),
  CreateDate: timestamp.optional(),
  AttachedManagedPolicies: oneOrList(attached).optional(),
};

export const getAccountAuthorizationDetails = object({
  UserDetailList: oneOrList(
    object({
      ...principal,
      UserName: z.string(),
      GroupList: oneOrList(z.string()).optional(),
      UserPolicyList: oneOrList(inline).optional(),
    }),
  ).optional(),
  GroupDetailList: oneOrList(
    object({ ...principal, GroupName: z.string(), GroupPolicyList: oneOrList(inline).optional() }),
  ).optional(),
  RoleDetailList: oneOrList(
    object({
      ...principal,
      RoleName: z.string(),
      AssumeRolePolicyDocument: z.unknown(),
      RolePolicyList: oneOrList(inline).optional(),
    }),
  ).optional(),
  Policies: oneOrList(
    object({
      PolicyName: z.string().optional(),
      Arn: z.string(),
      DefaultVersionId: z.string().optional(),
      AttachmentCount: z.number().optional(),
      PolicyVersionList: oneOrList(
        object({
          VersionId: z.string().optional(),
          IsDefaultVersion: z.boolean().optional(),
          Document: z.unknown(),
        }),
      ).optional(),
    }),
  ).optional(),
  IsTruncated: z.boolean().optional(),
  Marker: z.string().optional(),
});

export const getCredentialReport = object({
  Content: z.string().optional(),
  GeneratedTime: timestamp.optional(),
});

export const getAccountSummary = object({ SummaryMap: z.record(z.string(), z.number()) });

export const getLoginProfile = object({
  LoginProfile: object({ UserName: z.string().optional() }).optional(),
});

export const listMfaDevices = object({
  MFADevices: z.array(object({ SerialNumber: z.string().optional() })),
});

export const listAccessKeys = object({
  AccessKeyMetadata: z.array(
    object({
      AccessKeyId: z.string().optional(),
      Status: z.string().optional(),
      CreateDate: timestamp.optional(),
    }),
  ),
});

export const getRole = object({
  Role: object({ RoleName: z.string().optional(), Arn: z.string().optional() }),
});

export const listAttachedRolePolicies = object({ AttachedPolicies: z.array(attached) });

export const listRolePolicies = object({ PolicyNames: z.array(z.string()) });

export const getRolePolicy = object({
  RoleName: z.string().optional(),
  PolicyName: z.string().optional(),
  PolicyDocument: z.unknown(),
});

export const getPolicy = object({
  Policy: object({
    PolicyName: z.string().optional(),
    Arn: z.string().optional(),
    DefaultVersionId: z.string().optional(),
  }),
});

export const getPolicyVersion = object({
  PolicyVersion: object({ VersionId: z.string().optional(), Document: z.unknown() }),
});
