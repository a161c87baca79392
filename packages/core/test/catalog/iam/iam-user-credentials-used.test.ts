import { describe, expect, it } from 'vitest';
import { iamUserCredentialsUsed as check } from '../../../src/catalog/iam/iam-user-credentials-used.js';
import { accessKey, daysAgo, evaluateWith } from '../../helpers/iam.js';
import { iamUser } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('iam-user-credentials-used', () => {
  it('passes a password and an active key used recently', () => {
    const user = iamUser({
      createdAt: daysAgo(400),
      passwordLastUsed: daysAgo(3),
      accessKeys: [accessKey({ createdAt: daysAgo(200), lastUsedAt: daysAgo(1) })],
    });
    expect(runCheck(check, user)).toEqual({
      status: 'PASS',
      message: 'User alice used each of its 2 credential(s) within 45 days',
    });
  });

  it('fails a password last used longer ago than credentialMaxUnusedDays', () => {
    const user = iamUser({ createdAt: daysAgo(400), passwordLastUsed: daysAgo(60) });
    expect(runCheck(check, user)).toEqual({
      status: 'FAIL',
      message: 'User alice: console password last used 60 days ago (limit 45 days)',
    });
  });

  it('counts a never-used password from the user creation and a never-used key from the key creation', () => {
    // Prepare
    const user = iamUser({
      name: 'Charlie',
      createdAt: daysAgo(50),
      passwordLastUsed: undefined,
      accessKeys: [accessKey({ id: 'AKIAI44QH8DHBEXAMPLE', createdAt: daysAgo(46), lastUsedAt: undefined })],
    });
    // Act
    const outcome = runCheck(check, user);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'User Charlie: console password never used since its creation 50 days ago; access key AKIAI44QH8DHBEXAMPLE never used since its creation 46 days ago (limit 45 days)',
    });
  });

  it('passes credentials created recently and not used yet', () => {
    const user = iamUser({
      createdAt: daysAgo(10),
      passwordLastUsed: undefined,
      accessKeys: [accessKey({ createdAt: daysAgo(10), lastUsedAt: undefined })],
    });
    expect(runCheck(check, user).status).toBe('PASS');
  });

  it('ignores inactive keys and honours the configured limit', () => {
    const user = iamUser({
      passwordEnabled: false,
      accessKeys: [
        accessKey({ active: false, createdAt: daysAgo(300), lastUsedAt: daysAgo(300) }),
        accessKey({ id: 'AKIAIOSFODNN7EXAMPLE', createdAt: daysAgo(100), lastUsedAt: daysAgo(20) }),
      ],
    });
    expect(runCheck(check, user).status).toBe('PASS');
    expect(runCheck(check, user, { credentialMaxUnusedDays: 14 }).message).toBe(
      'User alice: access key AKIAIOSFODNN7EXAMPLE last used 20 days ago (limit 14 days)',
    );
  });

  it('is not applicable to a user with no password and no active keys', () => {
    const user = iamUser({ passwordEnabled: false, accessKeys: [accessKey({ active: false })] });
    expect(runCheck(check, user)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'User alice has no console password and no active access keys',
    });
  });

  it('fails closed when the password status or a never-used credential creation date is unknown', () => {
    const passwordUnknown = runCheck(check, iamUser({ passwordEnabled: undefined, accessKeys: [] }));
    const createdUnknown = runCheck(check, iamUser({ createdAt: undefined, passwordLastUsed: undefined }));
    expect(passwordUnknown).toEqual({
      status: 'FAIL',
      message: 'User alice: console password status unknown (limit 45 days)',
    });
    expect(createdUnknown.message).toBe(
      'User alice: console password never used, creation date unknown (limit 45 days)',
    );
  });

  it('is ERROR when the access keys could not be read', () => {
    const user = iamUser({ unreadable: { accessKeys: 'AccessDenied: iam:ListAccessKeys' } });
    expect(evaluateWith(check, user).status).toBe('ERROR');
  });
});
