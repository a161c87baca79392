import { describe, expect, it } from 'vitest';
import { SIGNED } from '../../../src/catalog/deployed/index.js';
import { foundImage, K8S_IMAGE, k8sRunning, RUNNING } from '../../helpers/deployed.js';
import { runCheck } from '../../helpers/run-check.js';

const check = SIGNED.k8s;
const IMAGE = K8S_IMAGE;

describe('k8s-workload-deployed-images-signed', () => {
  it('passes a workload whose running images are in ECR, scanned clean, signed and fresh', () => {
    // Prepare
    const subject = k8sRunning(3, { deployedImages: [foundImage({ tagDigest: RUNNING })] });
    // Act
    const outcome = runCheck(check, subject);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toMatch(/^Deployment default\/nginx-deployment runs signed images: nginx \(/);
  });

  it('fails naming the container (with its kind), the reference and the clipped digest', () => {
    const outcome = runCheck(
      check,
      k8sRunning(3, {
        kind: 'initContainer',
        name: 'setup',
        deployedImages: [foundImage({ signingStatus: 'FAILED' })],
      }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment runs unsigned images: init container setup (${IMAGE}, team/app@sha256:aaaaaaaaaaaa…: no signature: signingStatus=FAILED, referrers: none)`,
    });
  });

  it('does not apply when no pod of the workload runs', () => {
    expect(
      runCheck(check, k8sRunning(0, { deployedImages: [foundImage({ signingStatus: 'FAILED' })] })),
    ).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Deployment default/nginx-deployment has no running pod',
    });
  });

  it('fails a malformed reference by name, in an exempt namespace too (not a PSS control)', () => {
    const subject = { ...k8sRunning(1, { image: 'nginx:', deployedImages: [] }), namespace: 'kube-system' };
    const outcome = runCheck(check, subject);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(
      'nginx (image "nginx:" is malformed: the image reference has an empty tag)',
    );
  });
});
