import {
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  paginateListMFADevices,
} from '@aws-sdk/client-iam';
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
import { isNotRecorded, isUnreadable, type Known, unreadable } from '../normalise/unreadable.js';
import { PAGE } from '../registry/call-info.js';
import { snapshotPath } from '../session/paths.js';
import type { ReadContext } from './context.js';
import { readCredentialReport } from './credential-report.js';

const DETAILS = snapshotPath('iam', 'GetAccountAuthorizationDetails');
const REPORT = snapshotPath('iam', 'GetCredentialReport');

/** GetAccountAuthorizationDetails, every page (1,000 items a page), read into lists. */
export async function readIamDetails(context: ReadContext): Promise<Known<AuthorizationDetails>> {
  const { session } = context;
  const body = await session.paginate(
    { service: 'iam', operation: 'GetAccountAuthorizationDetails' },
    (aws) => paginateGetAccountAuthorizationDetails({ client: aws.iam, pageSize: PAGE.iam }, {}),
  );
  if (body === undefined || isUnreadable(body)) return body;
  const details = readAuthorizationDetails(body);
  for (const warning of details.warnings) session.warn(`${DETAILS}: ${warning}`);
  return details;
}

async function reportRows(context: ReadContext): Promise<Known<Map<string, CredentialReportRow>>> {
  const body = await readCredentialReport(context);
  if (body === undefined || isUnreadable(body)) return body;
  if (!body.Content) {
    context.session.warn(`${REPORT}: Content is missing; the per-user calls are used instead`);
    return undefined;
  }
  return parseCredentialReport(body.Content);
}

/** Users (all, or those named), with credentials from the report, else the per-user calls. */
export async function readIamUsers(
  context: ReadContext,
  details: AuthorizationDetails,
  names?: string[],
): Promise<IamUser[]> {
  const report = await reportRows(context);
  const users = details.users.filter((user) => names === undefined || names.includes(user.name));
  return Promise.all(
    users.map(async function readUser(user) {
      const row = isUnreadable(report) ? undefined : report?.get(user.name);
      const credentials: UserCredentials = row
        ? { report: row }
        : await perUserCredentials(context, user.name);
      return normaliseIamUser({ scope: context.scope, user, credentials });
    }),
  );
}

async function perUserCredentials(context: ReadContext, UserName: string): Promise<UserCredentials> {
  const { session } = context;
  const keys = [UserName];
  const [loginProfile, mfaDevices, accessKeys] = await Promise.all([
    session.send({ service: 'iam', operation: 'GetLoginProfile', keys }, (aws) =>
      aws.iam.send(new GetLoginProfileCommand({ UserName })),
    ),
    session.paginate({ service: 'iam', operation: 'ListMFADevices', keys }, (aws) =>
      paginateListMFADevices({ client: aws.iam }, { UserName }),
    ),
    session.paginate({ service: 'iam', operation: 'ListAccessKeys', keys }, (aws) =>
      paginateListAccessKeys({ client: aws.iam }, { UserName }),
    ),
  ]);
  // A snapshot that holds neither list of the user did not record the user's calls at all: its
  // missing GetLoginProfile file says nothing (where alone it means no console password).
  if (isNotRecorded(mfaDevices) && isNotRecorded(accessKeys)) {
    return unreadable(
      `the user is neither in ${REPORT} nor has iam/ListMFADevices or iam/ListAccessKeys files`,
    );
  }
  return {
    perUser: {
      loginProfile,
      mfaDevices: isUnreadable(mfaDevices) ? mfaDevices : (mfaDevices?.MFADevices ?? []),
      accessKeys: isUnreadable(accessKeys) ? accessKeys : (accessKeys?.AccessKeyMetadata ?? []),
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

/** The account's root user, from the credential report and GetAccountSummary. */
export async function readIamAccount(context: ReadContext): Promise<IamAccount> {
  const { session } = context;
  const [report, summary] = await Promise.all([
    reportRows(context),
    session.send({ service: 'iam', operation: 'GetAccountSummary' }, (aws) =>
      aws.iam.send(new GetAccountSummaryCommand({})),
    ),
  ]);
  return normaliseIamAccount({
    scope: context.scope,
    rootRow: report === undefined || isUnreadable(report) ? report : report.get(ROOT_ROW),
    summary,
  });
}
