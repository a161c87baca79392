import { describe, expect, it } from 'vitest';
import { iamPolicyNoAdmin as check } from '../../../src/catalog/iam/iam-policy-no-admin.js';
import { awsManagedPolicy, evaluateWith, inlinePolicy, managedPolicy } from '../../helpers/iam.js';
import { iamPolicy } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

/** AdministratorAccess's document, with a single Statement object and Action as a string. */
const ADMIN = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };

describe('iam-policy-no-admin', () => {
  it('passes an attached customer-managed policy with scoped actions (Statement as one object)', () => {
    // Prepare: the shape GetAccountAuthorizationDetails prints for create-update-delete-set-managed-policies
    const policy = managedPolicy('create-update-delete-set-managed-policies', {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: [
          'iam:CreatePolicy',
          'iam:CreatePolicyVersion',
          'iam:GetPolicy',
          'iam:SetDefaultPolicyVersion',
        ],
        Resource: '*',
      },
    });
    // Act
    const outcome = runCheck(check, policy);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Policy create-update-delete-set-managed-policies has no statement allowing Action "*" on Resource "*"',
    });
  });

  it('fails an attached customer-managed policy allowing "*" on "*", naming the statement', () => {
    const outcome = runCheck(check, managedPolicy('break-glass', ADMIN));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Policy break-glass allows Action "*" on Resource "*" in Statement[0]',
    });
  });

  it('names the Sid and index of every admin statement among others, with Action and Resource as lists', () => {
    const policy = managedPolicy('ops', {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' },
        { Sid: 'Everything', Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] },
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
    const outcome = runCheck(check, policy);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toBe(
      'Policy ops allows Action "*" on Resource "*" in Statement[1] (Sid "Everything"), Statement[2]',
    );
  });

  it('fails an inline policy allowing "*" on "*" even though inline policies have no attachment list', () => {
    const policy = inlinePolicy('arn:aws:iam::111122223333:role/ci', 'admin', ADMIN);
    expect(runCheck(check, policy).status).toBe('FAIL');
  });

  it('passes when "*" is denied, only service-wide, or limited to specific resources', () => {
    const denied = inlinePolicy('arn:aws:iam::111122223333:user/Bob', 'DenyBillingAndIAMPolicy', {
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', Action: ['aws-portal:*', 'iam:*'], Resource: '*' },
    });
    const serviceWide = managedPolicy('billing', {
      Version: '2012-10-17',
      Statement: [{ Action: 'aws-portal:*', Sid: 'Stmt1381777017000', Resource: '*', Effect: 'Allow' }],
    });
    const scoped = managedPolicy('bucket-admin', {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
    });
    expect(runCheck(check, denied).status).toBe('PASS');
    expect(runCheck(check, serviceWide).status).toBe('PASS');
    expect(runCheck(check, scoped).status).toBe('PASS');
  });

  it('is not applicable to AWS managed policies, even AdministratorAccess', () => {
    const outcome = runCheck(check, awsManagedPolicy('AdministratorAccess', ADMIN));
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Policy AdministratorAccess is AWS managed; only customer-managed and inline policies are assessed',
    });
  });

  it('is not applicable to an unattached customer-managed policy', () => {
    const outcome = runCheck(
      check,
      managedPolicy('unused-admin', ADMIN, { attachmentCount: 0, attachedTo: [] }),
    );
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Policy unused-admin is not attached to any user, group or role',
    });
  });

  it('fails closed when the attached policy has no document, and is ERROR when it could not be read', () => {
    const unknown = runCheck(check, iamPolicy({ name: 'mystery', document: undefined }));
    const unreadable = evaluateWith(
      check,
      iamPolicy({ name: 'locked', unreadable: { document: 'AccessDenied: iam:GetPolicyVersion' } }),
    );
    expect(unknown.status).toBe('FAIL');
    expect(unknown.message).toContain('unknown');
    expect(unreadable.status).toBe('ERROR');
    expect(unreadable.message).toContain('AccessDenied: iam:GetPolicyVersion');
  });
});
