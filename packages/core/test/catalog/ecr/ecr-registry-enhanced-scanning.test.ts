import { describe, expect, it } from 'vitest';
import { ecrRegistryEnhancedScanning as check } from '../../../src/catalog/ecr/ecr-registry-enhanced-scanning.js';
import { ecrRegistry } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecr-registry-enhanced-scanning', () => {
  it('passes when the registry uses ENHANCED scanning', () => {
    expect(runCheck(check, ecrRegistry({ scanType: 'ENHANCED' }))).toEqual({
      status: 'PASS',
      message: 'Registry 111122223333 uses ENHANCED scanning',
    });
  });

  it('fails on BASIC scanning, naming the scan type', () => {
    // Prepare
    const registry = ecrRegistry({ scanType: 'BASIC' });
    // Act
    const outcome = runCheck(check, registry);
    // Assess
    expect(outcome).toEqual({ status: 'FAIL', message: 'Registry 111122223333 has scanType=BASIC' });
  });

  it('fails when no scan type was recorded', () => {
    const outcome = runCheck(check, ecrRegistry({ scanType: undefined }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('no recorded scan type');
  });
});
