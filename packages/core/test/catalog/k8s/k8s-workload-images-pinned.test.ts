import { describe, expect, it } from 'vitest';
import { k8sWorkloadImagesPinned as check } from '../../../src/catalog/k8s/k8s-workload-images-pinned.js';
import type { K8sContainer, K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const OWN_ECR = '111122223333.dkr.ecr.us-west-2.amazonaws.com';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const RUNNING = `sha256:${'b'.repeat(64)}`;
const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];

/** nginx pinned by digest beside a second container of the kind. */
function workload(kind: K8sContainerKind, second: Partial<K8sContainer>) {
  return sampleWorkload({
    template: podTemplate({
      containers: [
        k8sContainer({ image: `nginx@${DIGEST}` }),
        k8sContainer({ kind, name: 'second', ...second }),
      ],
    }),
  });
}

describe('k8s-workload-images-pinned', () => {
  it("fails the documentation's nginx Deployment (a Docker Hub tag), naming the digest its pods run", () => {
    // Prepare: the kubelet's imageID as Docker and containerd report it, twice (three replicas)
    const nginx = k8sContainer({
      runningImageIds: [`docker-pullable://nginx@${RUNNING}`, `docker.io/library/nginx@${RUNNING}`],
    });
    // Act
    const outcome = runCheck(check, sampleWorkload({ template: podTemplate({ containers: [nginx] }) }));
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment has unpinned images: nginx (nginx:1.14.2: tag 1.14.2 outside this account's ECR; running ${RUNNING})`,
    });
  });

  it.each(KINDS)(
    'passes a %s pinned by digest, or by a non-latest tag in an IMMUTABLE repository of this account',
    (kind) => {
      expect(runCheck(check, workload(kind, { image: `ghcr.io/acme/tool:2@${DIGEST}` })).status).toBe('PASS');
      expect(
        runCheck(check, workload(kind, { image: `${OWN_ECR}/app:1.4.2`, ecrTagMutability: 'IMMUTABLE' })),
      ).toEqual({
        status: 'PASS',
        message:
          'Deployment default/nginx-deployment pins all 2 container image(s) by digest or immutable ECR tag',
      });
    },
  );

  it.each(KINDS)('fails a %s on latest, no tag, or a mutable ECR tag, naming only it', (kind, label) => {
    // Act
    const latest = runCheck(
      check,
      workload(kind, { image: `${OWN_ECR}/app:latest`, ecrTagMutability: 'IMMUTABLE' }),
    );
    const untagged = runCheck(check, workload(kind, { image: 'busybox' }));
    const mutable = runCheck(
      check,
      workload(kind, { image: `${OWN_ECR}/app:1`, ecrTagMutability: 'MUTABLE' }),
    );
    // Assess
    expect(latest.message).toBe(
      `Deployment default/nginx-deployment has unpinned images: ${label} (${OWN_ECR}/app:latest: tag latest)`,
    );
    expect(untagged.message).toContain(`${label} (busybox: no tag, so latest)`);
    expect(mutable.message).toContain(
      `${label} (${OWN_ECR}/app:1: tag 1 in a repository with tag mutability MUTABLE)`,
    );
    for (const outcome of [latest, untagged, mutable]) expect(outcome.message).not.toContain('nginx (');
  });

  it('does not pin with IMMUTABLE_WITH_EXCLUSION or an unknown mutability, as the ECS check', () => {
    const excluded = runCheck(
      check,
      workload('container', { image: `${OWN_ECR}/app:1`, ecrTagMutability: 'IMMUTABLE_WITH_EXCLUSION' }),
    );
    const unknown = runCheck(check, workload('container', { image: `${OWN_ECR}/app:1` }));
    expect(excluded.message).toContain('tag mutability IMMUTABLE_WITH_EXCLUSION');
    expect(unknown.message).toContain('tag mutability unknown');
  });

  it('names at most three distinct running repository digests, skipping config ids and malformed ones', () => {
    // Prepare
    const digests = ['c', 'd', 'e', 'f'].map((c) => `sha256:${c.repeat(64)}`);
    const runningImageIds = [
      ...digests.map((digest) => `docker.io/library/busybox@${digest}`),
      `sha256:${'9'.repeat(64)}`,
      'docker-pullable://busybox@sha256:NOT-HEX',
    ];
    // Act
    const outcome = runCheck(check, workload('initContainer', { image: 'busybox:1.36', runningImageIds }));
    // Assess
    expect(outcome.message).toContain(`running ${digests.slice(0, 3).join(', ')} and 1 more)`);
    expect(outcome.message).not.toContain('9999');
    expect(outcome.message).not.toContain('NOT-HEX');
  });

  it('fails a container without an image or with a malformed one', () => {
    expect(runCheck(check, workload('container', { image: undefined })).message).toContain(
      'second (no image)',
    );
    expect(runCheck(check, workload('container', { image: 'nginx:' })).message).toContain(
      'second (image unreadable: the image reference has an empty tag)',
    );
  });

  it('judges exempt namespaces too (not a PSS control), and is NOT_APPLICABLE without containers', () => {
    expect(runCheck(check, sampleWorkload({ namespace: 'kube-system' })).status).toBe('FAIL');
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
