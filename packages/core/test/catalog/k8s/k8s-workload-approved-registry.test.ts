import { describe, expect, it } from 'vitest';
import { k8sWorkloadApprovedRegistry as check } from '../../../src/catalog/k8s/k8s-workload-approved-registry.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

/** The builders' account and region (111122223333, us-west-2). */
const OWN_ECR = '111122223333.dkr.ecr.us-west-2.amazonaws.com';
const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];

/** nginx from this account's ECR beside a second container of the kind with the given image. */
function workload(kind: K8sContainerKind, image: string | undefined) {
  const second = k8sContainer({ kind, name: 'second' });
  second.image = image;
  return sampleWorkload({
    template: podTemplate({
      containers: [k8sContainer({ image: `${OWN_ECR}/nginx:1.14.2` }), second],
    }),
  });
}

describe('k8s-workload-approved-registry', () => {
  it("fails the documentation's nginx Deployment (nginx:1.14.2 from Docker Hub), naming docker.io", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment runs images from registries that are not approved: nginx (docker.io: nginx:1.14.2)',
    });
  });

  it.each(KINDS)(
    "passes a %s from this account's ECR in the cluster's region, pull-through cache prefixes included",
    (kind) => {
      expect(runCheck(check, workload(kind, `${OWN_ECR}/docker-hub/library/redis:7`))).toEqual({
        status: 'PASS',
        message:
          "Deployment default/nginx-deployment: all 2 container image(s) come from this account's ECR in us-west-2 or an approved registry",
      });
    },
  );

  it.each(KINDS)("fails a %s from another account's ECR or another region, naming only it", (kind, label) => {
    // Act
    const otherAccount = runCheck(
      check,
      workload(kind, '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.31.2'),
    );
    const otherRegion = runCheck(check, workload(kind, '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1'));
    // Assess
    expect(otherAccount.message).toBe(
      `Deployment default/nginx-deployment runs images from registries that are not approved: ${label} (602401143452.dkr.ecr.us-west-2.amazonaws.com: 602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.31.2)`,
    );
    expect(otherRegion.status).toBe('FAIL');
    expect(otherRegion.message).not.toContain('nginx (');
  });

  it('approves approvedRegistries entries by whole host or whole path segments, as the ECS check does', () => {
    // Prepare
    const config = { approvedRegistries: ['docker.io/library', 'public.ecr.aws'] };
    // Act
    const library = runCheck(check, workload('container', 'nginx:1.27'), config);
    const ecrPublic = runCheck(
      check,
      workload('initContainer', 'public.ecr.aws/eks-distro/kubernetes/pause:3.9'),
      config,
    );
    const bitnami = runCheck(check, workload('container', 'bitnami/redis:7'), config);
    // Assess
    expect(library.status).toBe('PASS');
    expect(ecrPublic.status).toBe('PASS');
    expect(bitnami.message).toContain('second (docker.io: bitnami/redis:7)');
  });

  it('fails a container without an image, or with a malformed one, naming the parse error', () => {
    expect(runCheck(check, workload('container', undefined)).message).toContain(
      'second (no image, registry unknown)',
    );
    expect(runCheck(check, workload('ephemeralContainer', 'Bad Image!!')).message).toContain(
      'ephemeral container second (image unreadable: the repository name "library/Bad Image!!" must be lower-case)',
    );
  });

  it('judges exempt namespaces too (not a PSS control), and is NOT_APPLICABLE without containers', () => {
    const systemPod = sampleWorkload({ namespace: 'kube-system' });
    expect(runCheck(check, systemPod).status).toBe('FAIL');
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Deployment default/nginx-deployment has no containers in its pod template',
    });
  });
});
