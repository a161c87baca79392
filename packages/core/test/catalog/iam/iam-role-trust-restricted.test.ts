import { describe, expect, it } from 'vitest';
import { iamRoleTrustRestricted as check } from '../../../src/catalog/iam/iam-role-trust-restricted.js';
import { parsePolicyDocument } from '../../../src/policy/index.js';
import { evaluateWith } from '../../helpers/iam.js';
import { iamRole } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const EXTERNAL = '444455556666';

/** A role whose trust policy is given as AWS prints it: an object, or GetRole's URL-encoded JSON. */
function roleTrusting(statement: unknown, name = 'ci') {
  return iamRole({ name, trustPolicy: parsePolicyDocument({ Version: '2012-10-17', Statement: statement }) });
}

describe('iam-role-trust-restricted', () => {
  it('passes a role trusted by an AWS service (GetAccountAuthorizationDetails shape, empty Sid)', () => {
    const role = roleTrusting([
      { Sid: '', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    expect(runCheck(check, role).status).toBe('PASS');
  });

  it('passes its own account, a trusted account and an EKS OIDC provider', () => {
    const role = roleTrusting([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${EXTERNAL}:role/deployer`] },
        Action: 'sts:AssumeRole',
      },
      {
        Effect: 'Allow',
        Principal: {
          Federated:
            'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub':
              'system:serviceaccount:default:app',
          },
        },
      },
    ]);
    expect(runCheck(check, role, { trustedAccounts: [EXTERNAL] }).status).toBe('PASS');
    expect(runCheck(check, role).status).toBe('FAIL');
  });

  it('fails an untrusted account without a condition, naming the statement, account and principal', () => {
    // Prepare: GetRole returns the trust policy URL-encoded, with one Statement object
    const encoded = encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: { Sid: 'Vendor', Effect: 'Allow', Principal: { AWS: EXTERNAL }, Action: 'sts:AssumeRole' },
      }),
    );
    const role = iamRole({ name: 'vendor', trustPolicy: parsePolicyDocument(encoded) });
    // Act
    const outcome = runCheck(check, role);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Role vendor: Statement[0] (Sid "Vendor") trusts account ${EXTERNAL} without an sts:ExternalId or aws:PrincipalOrgID condition`,
    });
  });

  it('passes an untrusted account pinned by sts:ExternalId or aws:PrincipalOrgID', () => {
    const withExternalId = roleTrusting({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${EXTERNAL}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'c2d1b8e4-vendor' } },
    });
    const inOrg = roleTrusting({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${EXTERNAL}:role/deployer` },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    });
    expect(runCheck(check, withExternalId).status).toBe('PASS');
    expect(runCheck(check, inOrg).status).toBe('PASS');
  });

  it('does not accept conditions that do not pin the principal (negated, wildcard, IfExists)', () => {
    const negated = roleTrusting({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${EXTERNAL}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringNotEquals: { 'sts:ExternalId': 'nope' } },
    });
    const wildcard = roleTrusting({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${EXTERNAL}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringLike: { 'sts:ExternalId': '*' } },
    });
    const ifExists = roleTrusting({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    });
    expect(runCheck(check, negated).status).toBe('FAIL');
    expect(runCheck(check, wildcard).status).toBe('FAIL');
    expect(runCheck(check, ifExists).status).toBe('FAIL');
  });

  it('fails principal "*" unless it is limited to the organization or to trusted accounts', () => {
    const open = roleTrusting({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }, 'open');
    const externalIdOnly = roleTrusting({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'shared-secret' } },
    });
    const org = roleTrusting({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    });
    const ownAccount = roleTrusting({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } },
    });
    expect(runCheck(check, open)).toEqual({
      status: 'FAIL',
      message: 'Role open: Statement[0] trusts principal "*" without an aws:PrincipalOrgID condition',
    });
    expect(runCheck(check, externalIdOnly).status).toBe('FAIL');
    expect(runCheck(check, org).status).toBe('PASS');
    expect(runCheck(check, ownAccount).status).toBe('PASS');
  });

  it('treats an Allow with NotPrincipal as everyone and ignores Deny and non-assume statements', () => {
    const notPrincipal = roleTrusting({
      Effect: 'Allow',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'sts:AssumeRole',
    });
    const harmless = roleTrusting([
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${EXTERNAL}:root` }, Action: 'sts:TagSession' },
      { Effect: 'Allow', Principal: { AWS: 'AROA1234567890EXAMPLE' }, Action: 'sts:AssumeRole' },
    ]);
    expect(runCheck(check, notPrincipal).status).toBe('FAIL');
    expect(runCheck(check, harmless).status).toBe('PASS');
  });

  it('lists every offending principal', () => {
    const role = roleTrusting([
      { Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {
        Sid: 'Partners',
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${EXTERNAL}:root`, 'arn:aws:iam::777788889999:user/ops'] },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ]);
    expect(runCheck(check, role).message).toBe(
      `Role ci: Statement[1] (Sid "Partners") trusts account ${EXTERNAL} (arn:aws:iam::${EXTERNAL}:root) without an sts:ExternalId or aws:PrincipalOrgID condition; ` +
        'Statement[1] (Sid "Partners") trusts account 777788889999 (arn:aws:iam::777788889999:user/ops) without an sts:ExternalId or aws:PrincipalOrgID condition',
    );
  });

  it('is not applicable to a service-linked role', () => {
    const role = iamRole({
      name: 'AWSServiceRoleForAmazonEKS',
      path: '/aws-service-role/eks.amazonaws.com/',
    });
    expect(runCheck(check, role)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Role AWSServiceRoleForAmazonEKS is a service-linked role; AWS manages its trust policy',
    });
  });

  it('fails closed without a trust policy and is ERROR when it could not be read', () => {
    const unknown = runCheck(check, iamRole({ trustPolicy: undefined }));
    const unreadable = evaluateWith(
      check,
      iamRole({ unreadable: { trustPolicy: 'AccessDenied: iam:GetRole' } }),
    );
    expect(unknown.status).toBe('FAIL');
    expect(unknown.message).toContain('unknown');
    expect(unreadable.status).toBe('ERROR');
  });
});
