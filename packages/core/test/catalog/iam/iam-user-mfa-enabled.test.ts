import { describe, expect, it } from 'vitest';
import { iamUserMfaEnabled as check } from '../../../src/catalog/iam/iam-user-mfa-enabled.js';
import { evaluateWith } from '../../helpers/iam.js';
import { iamUser } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('iam-user-mfa-enabled', () => {
  it('passes a console user with an MFA device', () => {
    const outcome = runCheck(check, iamUser({ passwordEnabled: true, mfaActive: true }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'User alice has a console password and an MFA device',
    });
  });

  it('fails a console user without an MFA device, naming the user', () => {
    const outcome = runCheck(check, iamUser({ name: 'bob', passwordEnabled: true, mfaActive: false }));
    expect(outcome).toEqual({ status: 'FAIL', message: 'User bob has a console password and no MFA device' });
  });

  it('is not applicable to a user without a console password, even without MFA', () => {
    const outcome = runCheck(check, iamUser({ name: 'ci', passwordEnabled: false, mfaActive: false }));
    expect(outcome).toEqual({ status: 'NOT_APPLICABLE', message: 'User ci has no console password' });
  });

  it('fails closed when the MFA or password status is unknown, saying so', () => {
    const mfaUnknown = runCheck(check, iamUser({ passwordEnabled: true, mfaActive: undefined }));
    const passwordUnknown = runCheck(check, iamUser({ passwordEnabled: undefined, mfaActive: false }));
    expect(mfaUnknown).toEqual({
      status: 'FAIL',
      message: 'User alice has a console password and an unknown MFA status',
    });
    expect(passwordUnknown).toEqual({
      status: 'FAIL',
      message: 'User alice has an unknown console password status and no MFA device',
    });
  });

  it('passes when the password status is unknown but an MFA device is active', () => {
    expect(runCheck(check, iamUser({ passwordEnabled: undefined, mfaActive: true })).status).toBe('PASS');
  });

  it('is ERROR when the MFA devices could not be listed', () => {
    const user = iamUser({
      mfaActive: undefined,
      unreadable: { mfaActive: 'AccessDenied: iam:ListMFADevices' },
    });
    expect(evaluateWith(check, user).status).toBe('ERROR');
  });
});
