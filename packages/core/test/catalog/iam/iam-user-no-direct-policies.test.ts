import { describe, expect, it } from 'vitest';
import { iamUserNoDirectPolicies as check } from '../../../src/catalog/iam/iam-user-no-direct-policies.js';
import { iamUser } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('iam-user-no-direct-policies', () => {
  it('passes a user who gets permissions only through groups', () => {
    const outcome = runCheck(check, iamUser({ groups: ['Admins'] }));
    expect(outcome).toEqual({ status: 'PASS', message: 'User alice has no attached or inline policies' });
  });

  it('fails a user with an inline policy, naming it', () => {
    const outcome = runCheck(check, iamUser({ name: 'Bob', inlinePolicyNames: ['DenyBillingAndIAMPolicy'] }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'User Bob has inline policies DenyBillingAndIAMPolicy',
    });
  });

  it('fails a user with attached managed policies, naming their ARNs and the inline ones', () => {
    const user = iamUser({
      attachedPolicyArns: [
        'arn:aws:iam::aws:policy/AmazonS3FullAccess',
        'arn:aws:iam::111122223333:policy/ops',
      ],
      inlinePolicyNames: ['extra'],
    });
    expect(runCheck(check, user).message).toBe(
      'User alice has attached policies arn:aws:iam::aws:policy/AmazonS3FullAccess, arn:aws:iam::111122223333:policy/ops and inline policies extra',
    );
  });
});
