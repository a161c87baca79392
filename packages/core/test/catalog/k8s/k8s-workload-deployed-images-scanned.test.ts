import { describe, expect, it } from 'vitest';
import { k8sWorkloadDeployedImagesScanned as check } from '../../../src/catalog/k8s/k8s-workload-deployed-images-scanned.js';
import type { K8sContainer } from '../../../src/types/kubernetes.js';
import { foundImage, K8S_ECR, RUNNING } from '../../helpers/deployed.js';
import { imageScan } from '../../helpers/ecr.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const IMAGE = `${K8S_ECR}/team/app:v1`;

function workload(runningPods: number, ...containers: Partial<K8sContainer>[]) {
  return sampleWorkload({
    runningPods,
    template: podTemplate({
      containers: containers.map((overrides) =>
        k8sContainer({ image: IMAGE, runningImageIds: [`${K8S_ECR}/team/app@${RUNNING}`], ...overrides }),
      ),
    }),
  });
}

describe('k8s-workload-deployed-images-scanned', () => {
  it('passes a workload whose running images are in ECR, scanned clean, signed and fresh', () => {
    // Prepare
    const subject = workload(3, { deployedImages: [foundImage({ tagDigest: RUNNING })] });
    // Act
    const outcome = runCheck(check, subject);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toMatch(
      /^Deployment default\/nginx-deployment runs scanned images within the allowance: nginx \(/,
    );
  });

  it('fails naming the container (with its kind), the reference and the clipped digest', () => {
    const outcome = runCheck(
      check,
      workload(3, {
        kind: 'initContainer',
        name: 'setup',
        deployedImages: [foundImage({ scan: imageScan({ severityCounts: { CRITICAL: 1 } }) })],
      }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment runs images not scanned or over the vulnerability allowance: init container setup (${IMAGE}, team/app@sha256:aaaaaaaaaaaa…: 1 CRITICAL (maxCritical=0))`,
    });
  });

  it('does not apply when no pod of the workload runs', () => {
    expect(
      runCheck(
        check,
        workload(0, {
          deployedImages: [foundImage({ scan: imageScan({ severityCounts: { CRITICAL: 1 } }) })],
        }),
      ),
    ).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Deployment default/nginx-deployment has no running pod',
    });
  });

  it('fails a malformed reference by name, in an exempt namespace too (not a PSS control)', () => {
    const subject = { ...workload(1, { image: 'nginx:', deployedImages: [] }), namespace: 'kube-system' };
    const outcome = runCheck(check, subject);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(
      'nginx (image "nginx:" is malformed: the image reference has an empty tag)',
    );
  });
});
