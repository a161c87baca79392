import { describe, expect, it } from 'vitest';
import { iamAccountRootMfa as check } from '../../../src/catalog/iam/iam-account-root-mfa.js';
import { evaluateWith } from '../../helpers/iam.js';
import { iamAccount } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('iam-account-root-mfa', () => {
  it('passes when the root user has MFA (AccountMFAEnabled = 1)', () => {
    expect(runCheck(check, iamAccount({ rootMfaEnabled: true })).status).toBe('PASS');
  });

  it('fails when the root user has no MFA', () => {
    expect(runCheck(check, iamAccount({ rootMfaEnabled: false }))).toEqual({
      status: 'FAIL',
      message: 'Account 111122223333: the root user has no MFA (AccountMFAEnabled = 0)',
    });
  });

  it('fails closed when the MFA state is not given, and says it is unknown', () => {
    expect(runCheck(check, iamAccount({ rootMfaEnabled: undefined }))).toEqual({
      status: 'FAIL',
      message: 'Account 111122223333: whether the root user has MFA is unknown',
    });
  });

  it('is ERROR when the state could not be read, whatever the other root property says', () => {
    const account = iamAccount({
      rootMfaEnabled: undefined,
      unreadable: { rootMfaEnabled: 'AccessDenied: iam:GetAccountSummary' },
    });
    expect(evaluateWith(check, account).status).toBe('ERROR');
  });
});
