import { describe, expect, it } from 'vitest';
import { iamUserAccessKeysRotated as check } from '../../../src/catalog/iam/iam-user-access-keys-rotated.js';
import { accessKey, daysAgo } from '../../helpers/iam.js';
import { iamUser } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('iam-user-access-keys-rotated', () => {
  it('passes active keys younger than accessKeyMaxAgeDays', () => {
    const user = iamUser({ name: 'ci', accessKeys: [accessKey({ createdAt: daysAgo(30) })] });
    expect(runCheck(check, user)).toEqual({
      status: 'PASS',
      message: 'User ci has 1 active access key(s), none older than 90 days',
    });
  });

  it('fails an active key older than the limit, naming the key id and its age', () => {
    // Prepare: ListAccessKeys' Bob, one active old key and one inactive key
    const user = iamUser({
      name: 'Bob',
      accessKeys: [
        accessKey({ id: 'AKIAIOSFODNN7EXAMPLE', active: true, createdAt: daysAgo(120) }),
        accessKey({ id: 'AKIAI44QH8DHBEXAMPLE', active: false, createdAt: daysAgo(400) }),
      ],
    });
    // Act
    const outcome = runCheck(check, user);
    // Assess: the inactive key is not reported
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'User Bob: access key AKIAIOSFODNN7EXAMPLE is 120 days old (limit 90 days)',
    });
  });

  it('counts whole days: 90 days and 23 hours passes, 91 days fails', () => {
    const edge = iamUser({ accessKeys: [accessKey({ createdAt: daysAgo(90, 23) })] });
    const over = iamUser({ accessKeys: [accessKey({ createdAt: daysAgo(91) })] });
    expect(runCheck(check, edge).status).toBe('PASS');
    expect(runCheck(check, over).status).toBe('FAIL');
  });

  it('reads the limit from the configuration', () => {
    const user = iamUser({ accessKeys: [accessKey({ createdAt: daysAgo(45) })] });
    expect(runCheck(check, user, { accessKeyMaxAgeDays: 30 }).message).toBe(
      'User alice: access key AKIAIOSFODNN7EXAMPLE is 45 days old (limit 30 days)',
    );
    expect(runCheck(check, user, { accessKeyMaxAgeDays: 60 }).status).toBe('PASS');
  });

  it('fails closed on an active key whose creation date is unknown', () => {
    const user = iamUser({ accessKeys: [accessKey({ id: undefined, createdAt: undefined })] });
    expect(runCheck(check, user)).toEqual({
      status: 'FAIL',
      message: 'User alice: access key #1 has an unknown creation date (limit 90 days)',
    });
  });

  it('is not applicable to a user with no active access keys', () => {
    const none = runCheck(check, iamUser({ accessKeys: [] }));
    const inactiveOnly = runCheck(
      check,
      iamUser({ accessKeys: [accessKey({ active: false, createdAt: daysAgo(500) })] }),
    );
    expect(none).toEqual({ status: 'NOT_APPLICABLE', message: 'User alice has no active access keys' });
    expect(inactiveOnly.status).toBe('NOT_APPLICABLE');
  });
});
