import { describe, expect, it } from 'vitest';
import { ecrRepositoryCmkEncryption as check } from '../../../src/catalog/ecr/ecr-repository-cmk-encryption.js';
import { ecrRepository } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecr-repository-cmk-encryption', () => {
  it.each(['KMS', 'KMS_DSSE'])('passes with encryptionType %s', (encryptionType) => {
    const outcome = runCheck(check, ecrRepository({ encryptionType }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: `Repository team/app is encrypted with encryptionType=${encryptionType}`,
    });
  });

  it('fails with AES256, naming the encryption type', () => {
    // Prepare
    const repository = ecrRepository({ encryptionType: 'AES256' });
    // Act
    const outcome = runCheck(check, repository);
    // Assess
    expect(outcome).toEqual({ status: 'FAIL', message: 'Repository team/app has encryptionType=AES256' });
  });

  it('fails when the encryption type is absent (the AES256 default)', () => {
    const outcome = runCheck(check, ecrRepository({ encryptionType: undefined }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Repository team/app has encryptionType=AES256 (default)',
    });
  });
});
