import { describe, expect, it } from 'vitest';
import { ecrRepositoryScanOnPush as check } from '../../../src/catalog/ecr/ecr-repository-scan-on-push.js';
import { ecrRepository } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecr-repository-scan-on-push', () => {
  it('passes when the effective frequency is SCAN_ON_PUSH or CONTINUOUS_SCAN', () => {
    const onPush = runCheck(check, ecrRepository({ scanFrequency: 'SCAN_ON_PUSH' }));
    const continuous = runCheck(
      check,
      ecrRepository({ scanFrequency: 'CONTINUOUS_SCAN', scanOnPush: false }),
    );
    expect(onPush).toEqual({
      status: 'PASS',
      message: 'Repository team/app scans images with SCAN_ON_PUSH (scanFrequency)',
    });
    expect(continuous.status).toBe('PASS');
  });

  it('fails when the effective frequency is MANUAL, even if the legacy flag says scan on push', () => {
    // Prepare
    const repository = ecrRepository({ scanFrequency: 'MANUAL', scanOnPush: true });
    // Act
    const outcome = runCheck(check, repository);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Repository team/app has scan frequency MANUAL (scanFrequency)',
    });
  });

  it('falls back to the legacy scanOnPush flag when no effective frequency was read', () => {
    const legacyOn = runCheck(check, ecrRepository({ scanFrequency: undefined, scanOnPush: true }));
    const legacyOff = runCheck(check, ecrRepository({ scanFrequency: undefined, scanOnPush: false }));
    expect(legacyOn).toEqual({
      status: 'PASS',
      message: 'Repository team/app scans images with SCAN_ON_PUSH (scanOnPush=true)',
    });
    expect(legacyOff).toEqual({
      status: 'FAIL',
      message: 'Repository team/app has scan frequency MANUAL (scanOnPush=false)',
    });
  });

  it('fails when neither the frequency nor the legacy flag is known', () => {
    const outcome = runCheck(
      check,
      ecrRepository({ name: 'legacy', scanFrequency: undefined, scanOnPush: undefined }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Repository legacy has no scan frequency (no scanning configuration), so images are not scanned',
    });
  });
});
