import { describe, expect, it } from 'vitest';
import { ecrImageRecentlyRebuilt as check } from '../../../src/catalog/ecr/ecr-image-recently-rebuilt.js';
import { daysAgo, minutesAgo } from '../../helpers/ecr.js';
import { ecrImage } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const name = 'team/app@sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

describe('ecr-image-recently-rebuilt', () => {
  it('passes when a tagged image was pushed within imageMaxAgeDays', () => {
    const outcome = runCheck(check, ecrImage({ pushedAt: daysAgo(8) }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: `Image ${name} was pushed 8 day(s) ago (imageMaxAgeDays=90)`,
    });
  });

  it('fails when a tagged image is older than imageMaxAgeDays, naming its tags and push time', () => {
    // Prepare
    const image = ecrImage({ tags: ['v1.13.6', 'stable'], pushedAt: new Date('2019-08-06T21:51:15Z') });
    // Act
    const outcome = runCheck(check, image);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Image ${name} (tags v1.13.6, stable) was pushed 2670 days ago (2019-08-06T21:51:15.000Z), more than imageMaxAgeDays=90`,
    });
  });

  it('fails only strictly past the threshold', () => {
    expect(runCheck(check, ecrImage({ pushedAt: daysAgo(90) })).status).toBe('PASS');
    expect(runCheck(check, ecrImage({ pushedAt: minutesAgo(90 * 24 * 60 + 1) })).status).toBe('FAIL');
  });

  it('reads imageMaxAgeDays from the configuration', () => {
    const image = ecrImage({ pushedAt: daysAgo(40) });
    expect(runCheck(check, image).status).toBe('PASS');
    expect(runCheck(check, image, { imageMaxAgeDays: 30 }).status).toBe('FAIL');
  });

  it('is not applicable to untagged images, however old', () => {
    const outcome = runCheck(check, ecrImage({ tags: [], pushedAt: daysAgo(400) }));
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: `Image ${name} is untagged; only tagged images are expected to be rebuilt`,
    });
  });

  it('is not applicable when the push time is unknown', () => {
    const outcome = runCheck(check, ecrImage({ pushedAt: undefined }));
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.message).toContain('no push time');
  });
});
