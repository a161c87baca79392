import type { IamAccount, IamPolicy, IamRole, IamUser } from '@customs/core';
import { type CredentialReportRow, parseCredentialReport, ROOT_ROW } from '../normalise/credential-report.js';
import { normaliseIamAccount } from '../normalise/iam-account.js';
import {
  type AuthorizationDetails,
  readAuthorizationDetails,
} from '../normalise/iam-authorization-details.js';
import { normaliseIamPolicies } from '../normalise/iam-policy.js';
import { normaliseIamRole } from '../normalise/iam-role.js';
import { normaliseIamUser, type UserCredentials } from '../normalise/iam-user.js';
import { unreadable } from '../normalise/unreadable.js';
import { notInSnapshot, type ReadContext } from './context.js';
import { snapshotPath } from './files.js';
import { iam } from './schemas/index.js';

const DETAILS = snapshotPath('iam', 'GetAccountAuthorizationDetails');
const REPORT = snapshotPath('iam', 'GetCredentialReport');
const SUMMARY = snapshotPath('iam', 'GetAccountSummary');

/** The account's IAM principals and policies as GetAccountAuthorizationDetails gives them. */
export async function readIamDetails(context: ReadContext): Promise<AuthorizationDetails> {
  const body = await context.session.read(DETAILS, iam.getAccountAuthorizationDetails);
  const details = readAuthorizationDetails(body ?? {});
  for (const warning of details.warnings) context.session.warn(DETAILS, warning);
  return details;
}

async function readCredentialReport(
  context: ReadContext,
): Promise<Map<string, CredentialReportRow> | undefined> {
  const body = await context.session.read(REPORT, iam.getCredentialReport);
  if (!body) return undefined;
  if (!body.Content) {
    context.session.warn(REPORT, 'Content is missing; the per-user files are used instead');
    return undefined;
  }
  return parseCredentialReport(body.Content);
}

/** Users, from the credential report or else the per-user files. */
export async function readIamUsers(
  context: ReadContext,
  details: AuthorizationDetails,
  names?: string[],
): Promise<IamUser[]> {
  const report = await readCredentialReport(context);
  const users = details.users.filter((user) => names === undefined || names.includes(user.name));
  return Promise.all(
    users.map(async function readUser(user) {
      const row = report?.get(user.name);
      const credentials: UserCredentials = row
        ? { report: row }
        : await perUserCredentials(context, user.name);
      return normaliseIamUser({ scope: context.scope, user, credentials });
    }),
  );
}

async function perUserCredentials(context: ReadContext, user: string): Promise<UserCredentials> {
  const { session } = context;
  const [loginProfile, mfaDevices, accessKeys] = await Promise.all([
    session.read(snapshotPath('iam', 'GetLoginProfile', user), iam.getLoginProfile),
    session.read(snapshotPath('iam', 'ListMFADevices', user), iam.listMfaDevices),
    session.read(snapshotPath('iam', 'ListAccessKeys', user), iam.listAccessKeys),
  ]);
  if (!mfaDevices && !accessKeys) {
    return unreadable(
      `the user is neither in ${REPORT} nor has iam/ListMFADevices or iam/ListAccessKeys files`,
    );
  }
  return {
    perUser: {
      loginProfile,
      mfaDevices: mfaDevices?.MFADevices ?? notInSnapshot(snapshotPath('iam', 'ListMFADevices', user)),
      accessKeys: accessKeys?.AccessKeyMetadata ?? notInSnapshot(snapshotPath('iam', 'ListAccessKeys', user)),
    },
  };
}

/** Roles (all, or those named). */
export function iamRoles(context: ReadContext, details: AuthorizationDetails, names?: string[]): IamRole[] {
  return details.roles
    .filter((role) => names === undefined || names.includes(role.name))
    .map((role) => normaliseIamRole({ scope: context.scope, role }));
}

/** Managed and inline policies. */
export function iamPolicies(context: ReadContext, details: AuthorizationDetails): IamPolicy[] {
  return normaliseIamPolicies({ scope: context.scope, details });
}

/** The account's root user. */
export async function readIamAccount(context: ReadContext): Promise<IamAccount> {
  const [report, summary] = await Promise.all([
    readCredentialReport(context),
    context.session.read(SUMMARY, iam.getAccountSummary),
  ]);
  return normaliseIamAccount({
    scope: context.scope,
    rootRow: report ? report.get(ROOT_ROW) : notInSnapshot(REPORT),
    summary: summary ?? notInSnapshot(SUMMARY),
  });
}
