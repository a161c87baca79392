import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  normaliseIamAccount,
  normaliseIamPolicies,
  normaliseIamRole,
  normaliseIamUser,
  POLICY_NOT_RETURNED,
  parseCredentialReport,
  ROOT_ROW,
  readAuthorizationDetails,
  unreadable,
} from '../../src/index.js';
import { iam } from '../../src/snapshot/schemas/index.js';
import { cli, credentialReportContent, defined } from '../helpers/fixtures.js';

const scope = { accountId: '123456789012', region: 'eu-west-1' };

function sampleDetails() {
  return readAuthorizationDetails(
    cli('iam/get-account-authorization-details.json', iam.getAccountAuthorizationDetails),
  );
}

describe('readAuthorizationDetails', () => {
  it('reads AWS’s sample whose groups print AttachedManagedPolicies as an object, with a warning naming the field', () => {
    // Act
    const details = sampleDetails();
    // Assess
    expect(details.groups.map((group) => group.attached.map((policy) => policy.PolicyName))).toEqual([
      ['AdministratorAccess'],
      ['PowerUserAccess'],
      [],
    ]);
    expect(details.warnings).toEqual([
      'GroupDetailList[0].AttachedManagedPolicies: an object where AWS documents a list; read as a list of one',
      'GroupDetailList[1].AttachedManagedPolicies: an object where AWS documents a list; read as a list of one',
    ]);
    expect(details.users.map((user) => [user.name, user.groups])).toEqual([
      ['Alice', ['Admins']],
      ['Bob', ['Admins']],
      ['Charlie', ['Dev']],
    ]);
  });
});

describe('normaliseIamPolicies', () => {
  it('returns managed policies with their default document and attachments, and inline policies by principal', () => {
    const policies = normaliseIamPolicies({ scope, details: sampleDetails() });
    const byId = new Map(policies.map((policy) => [policy.id, policy]));
    expect(policies).toHaveLength(9);
    expect(
      byId.get('arn:aws:iam::123456789012:policy/create-update-delete-set-managed-policies'),
    ).toMatchObject({
      type: 'iam-policy',
      name: 'create-update-delete-set-managed-policies',
      accountId: '123456789012',
      region: 'us-east-1',
      kind: 'managed',
      awsManaged: false,
      attachmentCount: 1,
      attachedTo: [],
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] },
    });
    expect(byId.get('arn:aws:iam::aws:policy/AmazonEC2FullAccess')).toMatchObject({
      awsManaged: true,
      accountId: '123456789012',
    });
    expect(
      byId.get('arn:aws:iam::123456789012:user/Bob/inline-policy/DenyBillingAndIAMPolicy'),
    ).toMatchObject({
      name: 'Bob/DenyBillingAndIAMPolicy',
      kind: 'inline',
      attachmentCount: 1,
      attachedTo: ['arn:aws:iam::123456789012:user/Bob'],
      document: { Statement: [{ Effect: 'Deny', Action: ['aws-portal:*', 'iam:*'], Resource: '*' }] },
    });
    expect(
      byId.get('arn:aws:iam::123456789012:group/Finance/inline-policy/policygen-201310141157')?.kind,
    ).toBe('inline');
  });

  it('knows attached AWS managed policies missing from Policies by ARN, without a document', () => {
    const policies = normaliseIamPolicies({ scope, details: sampleDetails() });
    const admin = policies.find((policy) => policy.id === 'arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin).toMatchObject({
      name: 'AdministratorAccess',
      kind: 'managed',
      awsManaged: true,
      attachmentCount: 1,
      attachedTo: ['arn:aws:iam::123456789012:group/Admins'],
    });
    expect(admin?.document).toBeUndefined();
    expect(admin?.unreadable).toBeUndefined();
  });

  it('marks the document of an attached customer-managed policy missing from Policies unreadable', () => {
    const details = readAuthorizationDetails({
      RoleDetailList: [
        {
          RoleName: 'ci',
          Arn: 'arn:aws:iam::123456789012:role/ci',
          AttachedManagedPolicies: [
            { PolicyName: 'deploy', PolicyArn: 'arn:aws:iam::123456789012:policy/deploy' },
          ],
        },
      ],
    });
    const [policy] = normaliseIamPolicies({ scope, details });
    expect(policy).toMatchObject({ id: 'arn:aws:iam::123456789012:policy/deploy', awsManaged: false });
    expect(policy?.unreadable).toEqual({ document: POLICY_NOT_RETURNED });
  });
});

describe('normaliseIamRole', () => {
  it('reads a role of the sample with its trust policy and attached policies', () => {
    const role = defined(sampleDetails().roles[0], 'EC2role');
    const normalised = normaliseIamRole({ scope, role: role });
    expect(normalised).toMatchObject({
      type: 'iam-role',
      id: 'arn:aws:iam::123456789012:role/EC2role',
      name: 'EC2role',
      accountId: '123456789012',
      region: 'us-east-1',
      path: '/',
      attachedPolicyArns: [
        'arn:aws:iam::aws:policy/AmazonS3FullAccess',
        'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess',
      ],
      inlinePolicyNames: [],
    });
    expect(normalised.trustPolicy?.Statement[0]?.Principal).toEqual({ Service: 'ec2.amazonaws.com' });
  });

  it('marks a trust policy that is not a policy (get-role’s placeholder) unreadable', () => {
    const getRole = z.looseObject({
      Role: z.looseObject({ RoleName: z.string(), Arn: z.string(), AssumeRolePolicyDocument: z.string() }),
    });
    const { Role } = cli('iam/get-role.json', getRole);
    const role = defined(readAuthorizationDetails({ RoleDetailList: [Role] }).roles[0], 'Test-Role');
    const normalised = normaliseIamRole({ scope, role: role });
    expect(normalised.trustPolicy).toBeUndefined();
    expect(normalised.unreadable?.trustPolicy).toMatch(/not JSON/);
  });
});

describe('normaliseIamUser', () => {
  const alice = () => defined(sampleDetails().users[0], 'Alice');

  it('reads passwords, MFA and access keys from the credential report', () => {
    // Prepare
    const rows = parseCredentialReport(
      credentialReportContent([
        {
          user: 'Alice',
          arn: 'arn:aws:iam::123456789012:user/Alice',
          user_creation_time: '2013-10-14T18:32:24+00:00',
          password_enabled: 'true',
          password_last_used: '2026-10-01T08:00:00+00:00',
          mfa_active: 'false',
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2026-01-10T09:00:00+00:00',
          access_key_1_last_used_date: '2026-11-01T10:00:00+00:00',
        },
      ]),
    );
    // Act
    const user = normaliseIamUser({
      scope,
      user: alice(),
      credentials: { report: defined(rows.get('Alice'), 'the row of Alice') },
    });
    // Assess
    expect(user).toEqual({
      type: 'iam-user',
      id: 'arn:aws:iam::123456789012:user/Alice',
      name: 'Alice',
      accountId: '123456789012',
      region: 'us-east-1',
      createdAt: new Date('2013-10-14T18:32:24Z'),
      passwordEnabled: true,
      passwordLastUsed: new Date('2026-10-01T08:00:00Z'),
      mfaActive: false,
      accessKeys: [
        {
          active: true,
          createdAt: new Date('2026-01-10T09:00:00Z'),
          lastUsedAt: new Date('2026-11-01T10:00:00Z'),
        },
      ],
      attachedPolicyArns: [],
      inlinePolicyNames: [],
      groups: ['Admins'],
    });
  });

  it('falls back on GetLoginProfile, ListMFADevices and ListAccessKeys, leaving the last password use unreadable', () => {
    const bob = defined(sampleDetails().users[1], 'Bob');
    const user = normaliseIamUser({
      scope,
      user: bob,
      credentials: {
        perUser: {
          loginProfile: {
            LoginProfile: {
              UserName: 'Bob',
              CreateDate: '2013-06-04T18:17:34Z',
              PasswordResetRequired: false,
            },
          },
          mfaDevices: cli('iam/list-mfa-devices.json', iam.listMfaDevices).MFADevices,
          accessKeys: cli('iam/list-access-keys.json', iam.listAccessKeys).AccessKeyMetadata,
        },
      },
    });
    expect(user).toMatchObject({
      passwordEnabled: true,
      mfaActive: true,
      inlinePolicyNames: ['DenyBillingAndIAMPolicy'],
      accessKeys: [
        { id: 'AKIAIOSFODNN7EXAMPLE', active: true, createdAt: new Date('2013-06-04T18:17:34Z') },
        { id: 'AKIAI44QH8DHBEXAMPLE', active: false, createdAt: new Date('2013-06-06T20:42:26Z') },
      ],
    });
    expect(Object.keys(user.unreadable ?? {})).toEqual(['passwordLastUsed']);
  });

  it('says why credentials are unknown rather than guessing', () => {
    const user = normaliseIamUser({
      scope,
      user: alice(),
      credentials: unreadable('AccessDenied: iam:GetCredentialReport'),
    });
    expect(user.passwordEnabled).toBeUndefined();
    expect(user.unreadable).toEqual({
      passwordEnabled: 'AccessDenied: iam:GetCredentialReport',
      passwordLastUsed: 'AccessDenied: iam:GetCredentialReport',
      mfaActive: 'AccessDenied: iam:GetCredentialReport',
      accessKeys: 'AccessDenied: iam:GetCredentialReport',
    });
  });
});

describe('normaliseIamAccount', () => {
  const summary = () => cli('iam/get-account-summary.json', iam.getAccountSummary);

  it('reads root MFA and access keys from get-account-summary', () => {
    const account = normaliseIamAccount({ scope, rootRow: undefined, summary: summary() });
    expect(account).toEqual({
      type: 'iam-account',
      id: 'arn:aws:iam::123456789012:root',
      name: '123456789012',
      accountId: '123456789012',
      region: 'us-east-1',
      rootAccessKeysPresent: false,
      rootMfaEnabled: true,
    });
  });

  it('prefers the credential report’s <root_account> row for access keys', () => {
    const rows = parseCredentialReport(
      credentialReportContent([
        {
          user: ROOT_ROW,
          arn: 'arn:aws:iam::123456789012:root',
          password_enabled: 'not_supported',
          mfa_active: 'false',
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2015-06-17T19:11:50+00:00',
        },
      ]),
    );
    const withSummary = normaliseIamAccount({ scope, rootRow: rows.get(ROOT_ROW), summary: summary() });
    const reportOnly = normaliseIamAccount({
      scope,
      rootRow: rows.get(ROOT_ROW),
      summary: unreadable('denied'),
    });
    expect(withSummary).toMatchObject({ rootAccessKeysPresent: true, rootMfaEnabled: true });
    expect(reportOnly).toMatchObject({ rootAccessKeysPresent: true, rootMfaEnabled: false });
  });

  it('marks both unreadable when neither source was read', () => {
    const account = normaliseIamAccount({
      scope,
      rootRow: unreadable('no report'),
      summary: unreadable('denied'),
    });
    expect(account.unreadable).toEqual({
      rootAccessKeysPresent: 'no report; denied',
      rootMfaEnabled: 'no report; denied',
    });
  });
});

describe('parseCredentialReport', () => {
  it('reads the CSV from SDK bytes as well as CLI base64 text, with quoted cells', () => {
    const csv = 'user,arn,password_enabled\n"ops,admin",arn:aws:iam::123456789012:user/ops,true\n';
    const rows = parseCredentialReport(new TextEncoder().encode(csv));
    expect(rows.get('ops,admin')).toEqual({
      user: 'ops,admin',
      arn: 'arn:aws:iam::123456789012:user/ops',
      password_enabled: 'true',
    });
  });
});
