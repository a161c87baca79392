import { describe, expect, it } from 'vitest';
import { ecrImageScanComplete as check } from '../../../src/catalog/ecr/ecr-image-scan-complete.js';
import { imageScan, minutesAgo } from '../../helpers/ecr.js';
import { ecrImage } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const name = 'team/app@sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

describe('ecr-image-scan-complete', () => {
  it.each(['COMPLETE', 'ACTIVE'])('passes when the scan status is %s', (status) => {
    const outcome = runCheck(check, ecrImage({ scan: imageScan({ status }) }));
    expect(outcome).toEqual({ status: 'PASS', message: `Image ${name} has scan status ${status}` });
  });

  it.each([
    'FAILED',
    'UNSUPPORTED_IMAGE',
    'SCAN_ELIGIBILITY_EXPIRED',
    'FINDINGS_UNAVAILABLE',
    'LIMIT_EXCEEDED',
  ])('fails when the scan status is %s, however recent the push', (status) => {
    const image = ecrImage({ pushedAt: minutesAgo(5), scan: imageScan({ status, description: undefined }) });
    expect(runCheck(check, image)).toEqual({
      status: 'FAIL',
      message: `Image ${name} has scan status ${status}`,
    });
  });

  it("quotes the scan's description on FAIL", () => {
    const scan = imageScan({
      status: 'UNSUPPORTED_IMAGE',
      description: "The operating system 'alpine:3.2' version is not supported.",
    });
    expect(runCheck(check, ecrImage({ scan })).message).toBe(
      `Image ${name} has scan status UNSUPPORTED_IMAGE (The operating system 'alpine:3.2' version is not supported.)`,
    );
  });

  it('is not applicable while a missing scan is within scanGraceMinutes of the push', () => {
    // Prepare
    const image = ecrImage({ pushedAt: minutesAgo(20), scan: undefined });
    // Act
    const outcome = runCheck(check, image);
    // Assess
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Image ${name} was pushed 20 minute(s) ago and has no scan result; a result is expected within scanGraceMinutes=60`,
    });
  });

  it('fails when the scan is still missing after scanGraceMinutes', () => {
    const outcome = runCheck(check, ecrImage({ pushedAt: minutesAgo(61), scan: undefined }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Image ${name} has no scan result 61 minutes after push (scanGraceMinutes=60)`,
    });
  });

  it('counts exactly scanGraceMinutes as still within the grace period', () => {
    expect(runCheck(check, ecrImage({ pushedAt: minutesAgo(60), scan: undefined })).status).toBe(
      'NOT_APPLICABLE',
    );
  });

  it.each(['IN_PROGRESS', 'PENDING'])(
    'treats %s as waiting: not applicable in the grace period, FAIL after it',
    (status) => {
      const waiting = runCheck(check, ecrImage({ pushedAt: minutesAgo(10), scan: imageScan({ status }) }));
      const stuck = runCheck(check, ecrImage({ pushedAt: minutesAgo(180), scan: imageScan({ status }) }));
      expect(waiting.status).toBe('NOT_APPLICABLE');
      expect(stuck).toEqual({
        status: 'FAIL',
        message: `Image ${name} has scan status ${status} 180 minutes after push (scanGraceMinutes=60)`,
      });
    },
  );

  it('reads the grace period from the configuration', () => {
    const image = ecrImage({ pushedAt: minutesAgo(90), scan: undefined });
    expect(runCheck(check, image).status).toBe('FAIL');
    expect(runCheck(check, image, { scanGraceMinutes: 120 }).status).toBe('NOT_APPLICABLE');
    expect(
      runCheck(check, ecrImage({ pushedAt: minutesAgo(1), scan: undefined }), { scanGraceMinutes: 0 }).status,
    ).toBe('FAIL');
  });

  it('fails when there is no scan and no push time to allow the grace period from', () => {
    const outcome = runCheck(check, ecrImage({ pushedAt: undefined, scan: undefined }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('no push time');
  });

  it('is not applicable for an archived image, which ECR does not scan', () => {
    const outcome = runCheck(check, ecrImage({ scan: imageScan({ status: 'IMAGE_ARCHIVED' }) }));
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Image ${name} is archived; ECR does not scan archived images`,
    });
  });
});
