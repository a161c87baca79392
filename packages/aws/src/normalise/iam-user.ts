import type { AccessKeyMetadata, GetLoginProfileResponse, MFADevice } from '@aws-sdk/client-iam';
import { type IamAccessKey, type IamUser, regionOfType } from '@customs/core';
import { type CredentialReportRow, reportAccessKeys, reportDate, reportFlag } from './credential-report.js';
import type { PrincipalDetails, UserDetailInput } from './iam-authorization-details.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { parseArn, type Scope, toDate, type Wire } from './wire.js';

/** A user's credentials from the per-user calls, used when there is no credential report. */
export interface PerUserCredentials {
  /** GetLoginProfile; undefined = NoSuchEntity (no console password). */
  loginProfile: Known<Wire<GetLoginProfileResponse>>;
  /** ListMFADevices `MFADevices`. */
  mfaDevices: Known<Wire<MFADevice>[]>;
  /** ListAccessKeys `AccessKeyMetadata`. */
  accessKeys: Known<Wire<AccessKeyMetadata>[]>;
}

/** Where a user's credential state comes from. */
export type UserCredentials =
  | { report: CredentialReportRow }
  | { perUser: PerUserCredentials }
  | { unreadable: string };

/**
 * An IAM user from GetAccountAuthorizationDetails with its credential state from the
 * credential report (or the per-user calls). With per-user calls the last use of the password
 * is unknown and is marked unreadable.
 * @example normaliseIamUser({ scope, user: details.users[0], credentials: { report: rows.get('Alice') } });
 */
export function normaliseIamUser(input: {
  scope: Scope;
  user: PrincipalDetails<UserDetailInput> & { groups: string[] };
  credentials: UserCredentials;
}): IamUser {
  const { user, credentials } = input;
  const unreadable = new UnreadableProperties();
  const createdAt = toDate(user.detail.CreateDate);
  const state =
    'report' in credentials
      ? fromReport(credentials.report)
      : 'perUser' in credentials
        ? fromPerUserCalls(credentials.perUser, unreadable)
        : unknownCredentials(credentials.unreadable, unreadable);
  return {
    type: 'iam-user',
    id: user.arn,
    name: user.name,
    accountId: parseArn(user.arn)?.accountId || input.scope.accountId,
    region: regionOfType('iam-user', input.scope.region),
    ...(createdAt ? { createdAt } : {}),
    ...state,
    attachedPolicyArns: user.attached.flatMap((policy) => (policy.PolicyArn ? [policy.PolicyArn] : [])),
    inlinePolicyNames: user.inline.flatMap((policy) => (policy.PolicyName ? [policy.PolicyName] : [])),
    groups: user.groups,
    ...withUnreadable(unreadable),
  };
}

type CredentialState = Pick<IamUser, 'passwordEnabled' | 'passwordLastUsed' | 'mfaActive' | 'accessKeys'>;

function fromReport(row: CredentialReportRow): CredentialState {
  const passwordEnabled = reportFlag(row.password_enabled);
  const passwordLastUsed = reportDate(row.password_last_used);
  const mfaActive = reportFlag(row.mfa_active);
  return {
    ...(passwordEnabled === undefined ? {} : { passwordEnabled }),
    ...(passwordLastUsed ? { passwordLastUsed } : {}),
    ...(mfaActive === undefined ? {} : { mfaActive }),
    accessKeys: reportAccessKeys(row),
  };
}

function fromPerUserCalls(calls: PerUserCredentials, unreadable: UnreadableProperties): CredentialState {
  const state: CredentialState = { accessKeys: [] };
  if (isUnreadable(calls.loginProfile)) unreadable.add('passwordEnabled', calls.loginProfile.unreadable);
  else {
    state.passwordEnabled = calls.loginProfile !== undefined;
    if (state.passwordEnabled) {
      unreadable.add(
        'passwordLastUsed',
        'there is no credential report to tell when the password was last used',
      );
    }
  }
  if (isUnreadable(calls.mfaDevices)) unreadable.add('mfaActive', calls.mfaDevices.unreadable);
  else if (calls.mfaDevices !== undefined) state.mfaActive = calls.mfaDevices.length > 0;
  else unreadable.add('mfaActive', 'ListMFADevices was not read');
  if (isUnreadable(calls.accessKeys)) unreadable.add('accessKeys', calls.accessKeys.unreadable);
  else if (calls.accessKeys === undefined) unreadable.add('accessKeys', 'ListAccessKeys was not read');
  else state.accessKeys = calls.accessKeys.map(toAccessKey);
  return state;
}

function toAccessKey(key: Wire<AccessKeyMetadata>): IamAccessKey {
  const createdAt = toDate(key.CreateDate);
  return {
    ...(key.AccessKeyId ? { id: key.AccessKeyId } : {}),
    active: key.Status === 'Active',
    ...(createdAt ? { createdAt } : {}),
  };
}

function unknownCredentials(reason: string, unreadable: UnreadableProperties): CredentialState {
  for (const property of ['passwordEnabled', 'passwordLastUsed', 'mfaActive', 'accessKeys']) {
    unreadable.add(property, reason);
  }
  return { accessKeys: [] };
}
