import { describe, expect, it } from 'vitest';
import { iamAccountRootNoAccessKeys as check } from '../../../src/catalog/iam/iam-account-root-no-access-keys.js';
import { evaluateWith } from '../../helpers/iam.js';
import { iamAccount } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('iam-account-root-no-access-keys', () => {
  it('passes when the root user has no access key (AccountAccessKeysPresent = 0)', () => {
    expect(runCheck(check, iamAccount({ rootAccessKeysPresent: false }))).toEqual({
      status: 'PASS',
      message: 'Account 111122223333: the root user has no active access keys',
    });
  });

  it('fails when the root user has an active access key', () => {
    expect(runCheck(check, iamAccount({ rootAccessKeysPresent: true }))).toEqual({
      status: 'FAIL',
      message: 'Account 111122223333: the root user has an active access key',
    });
  });

  it('fails closed when neither source says, and says it is unknown', () => {
    expect(runCheck(check, iamAccount({ rootAccessKeysPresent: undefined }))).toEqual({
      status: 'FAIL',
      message: 'Account 111122223333: whether the root user has an active access key is unknown',
    });
  });

  it('is ERROR, with the reason, when the state could not be read', () => {
    const account = iamAccount({
      rootAccessKeysPresent: undefined,
      unreadable: { rootAccessKeysPresent: 'AccessDenied: iam:GetAccountSummary' },
    });
    const finding = evaluateWith(check, account);
    expect(finding.status).toBe('ERROR');
    expect(finding.message).toContain('AccessDenied: iam:GetAccountSummary');
  });
});
