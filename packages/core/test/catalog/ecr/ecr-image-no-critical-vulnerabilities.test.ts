import { describe, expect, it } from 'vitest';
import { ecrImageNoCriticalVulnerabilities as check } from '../../../src/catalog/ecr/ecr-image-no-critical-vulnerabilities.js';
import { imageScan } from '../../helpers/ecr.js';
import { ecrImage } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const name = 'team/app@sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

describe('ecr-image-no-critical-vulnerabilities', () => {
  it("passes on AWS's describe-image-scan-findings example (MEDIUM only)", () => {
    const image = ecrImage({ scan: imageScan({ severityCounts: { MEDIUM: 1 } }) });
    expect(runCheck(check, image)).toEqual({
      status: 'PASS',
      message: `Image ${name} has 0 CRITICAL finding(s) (maxCritical=0)`,
    });
  });

  it('fails when CRITICAL findings exceed maxCritical, naming the count', () => {
    // Prepare
    const image = ecrImage({
      scan: imageScan({ status: 'ACTIVE', severityCounts: { CRITICAL: 2, HIGH: 5 } }),
    });
    // Act
    const outcome = runCheck(check, image);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Image ${name} has 2 CRITICAL finding(s), above maxCritical=0`,
    });
  });

  it('reads maxCritical from the configuration', () => {
    const image = ecrImage({ scan: imageScan({ severityCounts: { CRITICAL: 2 } }) });
    expect(runCheck(check, image, { maxCritical: 2 }).status).toBe('PASS');
    expect(runCheck(check, image, { maxCritical: 1 }).status).toBe('FAIL');
  });

  it('is not applicable without a scan, or with a scan that has no finished result', () => {
    const none = runCheck(check, ecrImage({ scan: undefined }));
    const failed = runCheck(check, ecrImage({ scan: imageScan({ status: 'FAILED', severityCounts: {} }) }));
    const running = runCheck(
      check,
      ecrImage({ scan: imageScan({ status: 'IN_PROGRESS', completedAt: undefined }) }),
    );
    expect(none).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Image ${name} has no scan result to count findings from`,
    });
    expect(failed).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Image ${name} has no finished scan (status FAILED); see ecr-image-scan-complete`,
    });
    expect(running.status).toBe('NOT_APPLICABLE');
  });

  it('uses a findings summary without a status when the scan has a completion time', () => {
    const finished = imageScan({ status: undefined, severityCounts: { CRITICAL: 1 } });
    const unfinished = imageScan({
      status: undefined,
      completedAt: undefined,
      severityCounts: { CRITICAL: 1 },
    });
    expect(runCheck(check, ecrImage({ scan: finished })).status).toBe('FAIL');
    expect(runCheck(check, ecrImage({ scan: unfinished })).status).toBe('NOT_APPLICABLE');
  });
});
