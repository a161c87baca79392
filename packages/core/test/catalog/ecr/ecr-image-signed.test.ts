import { describe, expect, it } from 'vitest';
import { ecrImageSigned as check } from '../../../src/catalog/ecr/ecr-image-signed.js';
import { ecrImage } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const name = 'team/app@sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

describe('ecr-image-signed', () => {
  it.each(['COMPLETE', 'SIGNED'])('passes when ECR managed signing reports %s', (signingStatus) => {
    const outcome = runCheck(check, ecrImage({ signingStatus, referrerArtifactTypes: [] }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: `Image ${name} is signed by ECR managed signing (status ${signingStatus})`,
    });
  });

  it.each([
    'application/vnd.cncf.notary.signature',
    'application/vnd.dev.sigstore.bundle.v0.3+json',
    'application/vnd.dev.sigstore.bundle+json;version=0.1',
    'application/vnd.dev.cosign.artifact.sig.v1+json',
  ])('passes with a signature referrer of artifact type %s', (artifactType) => {
    // Prepare
    const image = ecrImage({
      signingStatus: undefined,
      referrerArtifactTypes: ['application/spdx+json', artifactType],
    });
    // Act
    const outcome = runCheck(check, image);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: `Image ${name} has a signature referrer ${artifactType}`,
    });
  });

  it('fails without signing status or referrers', () => {
    const outcome = runCheck(check, ecrImage({ signingStatus: undefined, referrerArtifactTypes: [] }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Image ${name} has no signature: signingStatus=absent, referrer artifact types: none`,
    });
  });

  it('fails when signing failed or is in progress and the referrers are not signatures', () => {
    const failed = runCheck(
      check,
      ecrImage({
        signingStatus: 'FAILED',
        referrerArtifactTypes: ['application/spdx+json', 'application/vnd.dev.cosign.artifact.att.v1+json'],
      }),
    );
    const inProgress = runCheck(check, ecrImage({ signingStatus: 'IN_PROGRESS', referrerArtifactTypes: [] }));
    expect(failed).toEqual({
      status: 'FAIL',
      message: `Image ${name} has no signature: signingStatus=FAILED, referrer artifact types: application/spdx+json, application/vnd.dev.cosign.artifact.att.v1+json`,
    });
    expect(inProgress.status).toBe('FAIL');
  });
});
