import type * as iam from '@aws-sdk/client-iam';
import type { AuthorizationDetailsInput } from '../normalise/iam-authorization-details.js';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

const USER = ['user'] as const;

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
} as const;
