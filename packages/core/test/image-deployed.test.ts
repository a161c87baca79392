import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import {
  type DeployedContainer,
  judgeDeployed,
  judgeFresh,
  judgeInEcr,
  judgeScanned,
  judgeSigned,
  shortDigest,
} from '../src/image/deployed-images.js';
import { deletedImage, ECS_ECR, elsewhereImage, foundImage, MOVED, RUNNING } from './helpers/deployed.js';
import { daysAgo, imageScan, minutesAgo } from './helpers/ecr.js';
import { NOW } from './helpers/resources.js';

const CONTEXT = { config: DEFAULT_CONFIG, now: NOW };

function container(overrides: Partial<DeployedContainer> = {}): DeployedContainer {
  return { label: 'api', image: `${ECS_ECR}/team/app:v1`, deployedImages: [foundImage()], ...overrides };
}

describe('the deployed-image judgement shared by the ECS and Kubernetes checks', () => {
  it('clips digests to the algorithm and 12 hex characters', () => {
    expect(shortDigest(RUNNING)).toBe('sha256:aaaaaaaaaaaa…');
    expect(shortDigest('sha256:ab')).toBe('sha256:ab');
  });

  it('names the container, reference and clipped digest of each offence', () => {
    // Prepare
    const critical = foundImage({ scan: imageScan({ severityCounts: { CRITICAL: 2, HIGH: 1 } }) });
    // Act
    const judged = judgeDeployed([container({ deployedImages: [critical] })], judgeScanned, CONTEXT);
    // Assess
    expect(judged.offences).toEqual([
      `api (${ECS_ECR}/team/app:v1, team/app@sha256:aaaaaaaaaaaa…: 2 CRITICAL (maxCritical=0), 1 HIGH (maxHigh=0))`,
    ]);
  });

  it('fails a malformed reference and a missing image by name, never throws', () => {
    const judged = judgeDeployed(
      [
        container({ image: 'Bad Image!!', deployedImages: [] }),
        container({ label: 'side', deployedImages: [] }),
      ],
      judgeSigned,
      CONTEXT,
    );
    expect(judged.offences[0]).toMatch(/^api \(image "Bad Image!!" is malformed: /);
    const missing = judgeDeployed([{ label: 'side', deployedImages: [] }], judgeSigned, CONTEXT);
    expect(missing.offences).toEqual(['side (no image)']);
  });

  it('never passes an unreadable state that reaches a check: it is an offence with the reason', () => {
    const unreadable = {
      ...deletedImage(),
      state: 'unreadable' as const,
      reason: 'AccessDenied: ecr:DescribeImages',
    };
    const judged = judgeDeployed([container({ deployedImages: [unreadable] })], judgeInEcr, CONTEXT);
    expect(judged.offences[0]).toContain('ECR state unreadable: AccessDenied: ecr:DescribeImages');
  });

  it('scanned: a finished clean scan passes, within the allowance too; unscanned, failed and outside ECR fail', () => {
    expect(judgeScanned(foundImage(), CONTEXT)).toHaveProperty('ok');
    const allowed = { ...CONTEXT, config: { ...DEFAULT_CONFIG, maxHigh: 3 } };
    expect(
      judgeScanned(foundImage({ scan: imageScan({ severityCounts: { HIGH: 3 } }) }), allowed),
    ).toHaveProperty('ok');
    expect(judgeScanned(foundImage({ scan: imageScan({ status: 'ACTIVE' }) }), CONTEXT)).toHaveProperty('ok');
    const { scan: _scan, ...unscanned } = foundImage();
    expect(judgeScanned(unscanned, CONTEXT)).toEqual({ offence: 'never scanned' });
    expect(judgeScanned(foundImage({ scan: imageScan({ status: 'FAILED' }) }), CONTEXT)).toEqual({
      offence: 'scan status FAILED',
    });
    expect(judgeScanned(elsewhereImage(), CONTEXT)).toEqual({
      offence: 'not in ECR, so no scan Customs can read',
    });
  });

  it('scanned: a scan in progress is not judged within scanGraceMinutes of the push, and fails after', () => {
    const fresh = foundImage({ scan: imageScan({ status: 'IN_PROGRESS' }), pushedAt: minutesAgo(5) });
    expect(judgeScanned(fresh, CONTEXT)).toHaveProperty('skip');
    const late = foundImage({ scan: imageScan({ status: 'IN_PROGRESS' }), pushedAt: minutesAgo(61) });
    expect(judgeScanned(late, CONTEXT)).toEqual({ offence: 'scan status IN_PROGRESS' });
  });

  it('signed: ECR managed signing or a Notation/Sigstore referrer passes; an SBOM alone does not', () => {
    expect(judgeSigned(foundImage())).toHaveProperty('ok');
    const notation = foundImage({ referrerArtifactTypes: ['application/vnd.cncf.notary.signature'] });
    const { signingStatus: _s, ...unsigned } = notation;
    expect(judgeSigned(unsigned)).toEqual({ ok: 'signature referrer application/vnd.cncf.notary.signature' });
    const sbom = { ...unsigned, referrerArtifactTypes: ['application/spdx+json'] };
    expect(judgeSigned(sbom)).toEqual({
      offence: 'no signature: signingStatus=absent, referrers: application/spdx+json',
    });
    expect(judgeSigned(elsewhereImage())).toHaveProperty('offence');
  });

  it('fresh: older than imageMaxAgeDays fails, and so does a tag that moved under the running digest', () => {
    expect(judgeFresh(foundImage({ tagDigest: RUNNING }), CONTEXT)).toEqual({ ok: 'pushed 10 day(s) ago' });
    expect(judgeFresh(foundImage({ pushedAt: daysAgo(91) }), CONTEXT)).toEqual({
      offence: 'pushed 91 days ago, more than imageMaxAgeDays=90',
    });
    expect(judgeFresh(foundImage({ tagDigest: MOVED }), { ...CONTEXT, tag: 'v1' })).toEqual({
      offence: 'tag v1 now points at sha256:bbbbbbbbbbbb…: drift',
    });
    expect(judgeFresh(elsewhereImage(), CONTEXT)).toHaveProperty('skip');
  });

  it('in-ecr: an image deleted from ECR fails "still runs, deleted from ECR"; the other judgements skip it', () => {
    expect(judgeInEcr(deletedImage())).toEqual({
      offence: 'still runs, deleted from ECR (ImageNotFoundException)',
    });
    expect(judgeInEcr(foundImage())).toEqual({ ok: 'in ECR' });
    expect(judgeInEcr(elsewhereImage())).toHaveProperty('skip');
    for (const judge of [judgeScanned, judgeSigned, judgeFresh]) {
      expect(judge(deletedImage(), CONTEXT)).toHaveProperty('skip');
    }
  });
});
