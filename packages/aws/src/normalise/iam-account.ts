import type { GetAccountSummaryResponse } from '@aws-sdk/client-iam';
import { type IamAccount, regionOfType } from '@customs/core';
import { type CredentialReportRow, reportFlag } from './credential-report.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import type { Scope, Wire } from './wire.js';

/** What the account's root user is read from. */
export interface IamAccountInput {
  scope: Scope;
  /** The credential report's `<root_account>` row. */
  rootRow: Known<CredentialReportRow>;
  /** GetAccountSummary. */
  summary: Known<Wire<GetAccountSummaryResponse>>;
}

/**
 * The account's root user: active access keys from the credential report's root row (else
 * GetAccountSummary `AccountAccessKeysPresent`), MFA from `AccountMFAEnabled` (else the root row).
 * @example normaliseIamAccount({ scope, rootRow: undefined, summary: { SummaryMap: { AccountMFAEnabled: 1 } } });
 */
export function normaliseIamAccount(input: IamAccountInput): IamAccount {
  const { scope } = input;
  const unreadable = new UnreadableProperties();
  const row = isUnreadable(input.rootRow) ? undefined : input.rootRow;
  const summaryMap = isUnreadable(input.summary) ? undefined : input.summary?.SummaryMap;
  const reason =
    [input.rootRow, input.summary]
      .map((source) => (isUnreadable(source) ? source.unreadable : undefined))
      .filter(Boolean)
      .join('; ') || 'neither the credential report nor GetAccountSummary was read';
  const rowKeys = row
    ? [row.access_key_1_active, row.access_key_2_active].map(reportFlag).some((active) => active === true)
    : undefined;
  const rootAccessKeysPresent = rowKeys ?? flag(summaryMap?.AccountAccessKeysPresent);
  const rootMfaEnabled = flag(summaryMap?.AccountMFAEnabled) ?? reportFlag(row?.mfa_active);
  if (rootAccessKeysPresent === undefined) unreadable.add('rootAccessKeysPresent', reason);
  if (rootMfaEnabled === undefined) unreadable.add('rootMfaEnabled', reason);
  return {
    type: 'iam-account',
    id: `arn:aws:iam::${scope.accountId}:root`,
    name: scope.accountId,
    accountId: scope.accountId,
    region: regionOfType('iam-account', scope.region),
    ...(rootAccessKeysPresent === undefined ? {} : { rootAccessKeysPresent }),
    ...(rootMfaEnabled === undefined ? {} : { rootMfaEnabled }),
    ...withUnreadable(unreadable),
  };
}

function flag(value: number | undefined): boolean | undefined {
  return value === undefined ? undefined : value > 0;
}
