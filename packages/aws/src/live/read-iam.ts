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
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import { snapshotPath } from '../snapshot/files.js';
import type { LiveContext } from './context.js';
import { type ReportPolling, readCredentialReport } from './credential-report.js';

/** The IAM part of a live read: the context and how long to wait for the credential report. */
export interface IamContext extends LiveContext {
  reportPolling: ReportPolling;
}

/** GetAccountAuthorizationDetails, every page (1,000 items a page), read into lists. */
export async function readIamDetails(context: LiveContext): Promise<Known<AuthorizationDetails>> {
  const { session } = context;
  const body = await session.paginate({ service: 'iam', operation: 'GetAccountAuthorizationDetails' }, () =>
    paginateGetAccountAuthorizationDetails({ client: session.clients.iam, pageSize: 1000 }, {}),
  );
  if (body === undefined || isUnreadable(body)) return body;
  const details = readAuthorizationDetails(body);
  for (const warning of details.warnings)
    session.warn(`${snapshotPath('iam', 'GetAccountAuthorizationDetails')}: ${warning}`);
  return details;
}

async function reportRows(context: IamContext): Promise<Known<Map<string, CredentialReportRow>>> {
  const body = await readCredentialReport(context, context.reportPolling);
  if (body === undefined || isUnreadable(body)) return body;
  return body.Content ? parseCredentialReport(body.Content) : undefined;
}

/** Users (all, or those named), with credentials from the report, else the per-user calls. */
export async function readIamUsers(
  context: IamContext,
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

async function perUserCredentials(context: LiveContext, UserName: string): Promise<UserCredentials> {
  const { session } = context;
  const { iam } = session.clients;
  const keys = [UserName];
  const [loginProfile, mfaDevices, accessKeys] = await Promise.all([
    session.send({ service: 'iam', operation: 'GetLoginProfile', keys }, () =>
      iam.send(new GetLoginProfileCommand({ UserName })),
    ),
    session.paginate({ service: 'iam', operation: 'ListMFADevices', keys }, () =>
      paginateListMFADevices({ client: iam }, { UserName }),
    ),
    session.paginate({ service: 'iam', operation: 'ListAccessKeys', keys }, () =>
      paginateListAccessKeys({ client: iam }, { UserName }),
    ),
  ]);
  return {
    perUser: {
      loginProfile,
      mfaDevices: isUnreadable(mfaDevices) ? mfaDevices : (mfaDevices?.MFADevices ?? []),
      accessKeys: isUnreadable(accessKeys) ? accessKeys : (accessKeys?.AccessKeyMetadata ?? []),
    },
  };
}

/** Roles (all, or those named). */
export function iamRoles(context: LiveContext, details: AuthorizationDetails, names?: string[]): IamRole[] {
  return details.roles
    .filter((role) => names === undefined || names.includes(role.name))
    .map((role) => normaliseIamRole({ scope: context.scope, role }));
}

/** Managed and inline policies. */
export function iamPolicies(context: LiveContext, details: AuthorizationDetails): IamPolicy[] {
  return normaliseIamPolicies({ scope: context.scope, details });
}

/** The account's root user, from the credential report and GetAccountSummary. */
export async function readIamAccount(context: IamContext): Promise<IamAccount> {
  const { session } = context;
  const [report, summary] = await Promise.all([
    reportRows(context),
    session.send({ service: 'iam', operation: 'GetAccountSummary' }, () =>
      session.clients.iam.send(new GetAccountSummaryCommand({})),
    ),
  ]);
  return normaliseIamAccount({
    scope: context.scope,
    rootRow: report === undefined || isUnreadable(report) ? report : report.get(ROOT_ROW),
    summary,
  });
}
