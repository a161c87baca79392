import { describe, expect, it } from 'vitest';
import { ecrImageNoHighVulnerabilities as check } from '../../../src/catalog/ecr/ecr-image-no-high-vulnerabilities.js';
import { imageScan } from '../../helpers/ecr.js';
import { ecrImage } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const name = 'team/app@sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

describe('ecr-image-no-high-vulnerabilities', () => {
  it('passes when the scan has no HIGH findings, whatever the critical count', () => {
    const image = ecrImage({ scan: imageScan({ severityCounts: { CRITICAL: 3, MEDIUM: 1 } }) });
    expect(runCheck(check, image)).toEqual({
      status: 'PASS',
      message: `Image ${name} has 0 HIGH finding(s) (maxHigh=0)`,
    });
  });

  it('fails when HIGH findings exceed maxHigh, naming the count', () => {
    // Prepare
    const image = ecrImage({ scan: imageScan({ severityCounts: { HIGH: 4 } }) });
    // Act
    const outcome = runCheck(check, image);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Image ${name} has 4 HIGH finding(s), above maxHigh=0`,
    });
  });

  it('reads maxHigh from the configuration', () => {
    const image = ecrImage({ scan: imageScan({ status: 'ACTIVE', severityCounts: { HIGH: 4 } }) });
    expect(runCheck(check, image, { maxHigh: 4 }).status).toBe('PASS');
    expect(runCheck(check, image, { maxHigh: 3 }).status).toBe('FAIL');
  });

  it('is not applicable without a finished scan', () => {
    const pending = runCheck(
      check,
      ecrImage({ scan: imageScan({ status: 'PENDING', completedAt: undefined }) }),
    );
    expect(pending).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Image ${name} has no finished scan (status PENDING); see ecr-image-scan-complete`,
    });
    expect(runCheck(check, ecrImage({ scan: undefined })).status).toBe('NOT_APPLICABLE');
  });
});
