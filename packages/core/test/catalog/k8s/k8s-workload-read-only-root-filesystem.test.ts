import { describe, expect, it } from 'vitest';
import { k8sWorkloadReadOnlyRootFilesystem as check } from '../../../src/catalog/k8s/k8s-workload-read-only-root-filesystem.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];

function workload(kind: K8sContainerKind, readOnlyRootFilesystem: boolean | undefined) {
  return sampleWorkload({
    template: podTemplate({
      containers: [
        k8sContainer({ securityContext: { readOnlyRootFilesystem: true } }),
        k8sContainer({
          kind,
          name: 'second',
          ...(readOnlyRootFilesystem === undefined ? {} : { securityContext: { readOnlyRootFilesystem } }),
        }),
      ],
    }),
  });
}

describe('k8s-workload-read-only-root-filesystem', () => {
  it("fails the documentation's nginx Deployment, whose root file system is writable", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment gives container(s) nginx (unset) a writable root file system (readOnlyRootFilesystem is not true)',
    });
  });

  it.each(KINDS)('passes a read-only %s beside a read-only container', (kind) => {
    expect(runCheck(check, workload(kind, true))).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: all 2 container(s) have a read-only root file system',
    });
  });

  it.each(KINDS)('fails a %s set to false or left unset, naming only it', (kind, label) => {
    expect(runCheck(check, workload(kind, false)).message).toContain(
      `container(s) ${label} (false) a writable`,
    );
    expect(runCheck(check, workload(kind, undefined)).message).toContain(
      `container(s) ${label} (unset) a writable`,
    );
  });

  it('is not a Pod Security Standards control: an exempt namespace is judged too', () => {
    const systemPod = sampleWorkload({
      namespace: 'kube-system',
      kind: 'DaemonSet',
      workloadName: 'kube-proxy',
    });
    expect(runCheck(check, systemPod).status).toBe('FAIL');
  });

  it('is NOT_APPLICABLE for a Windows pod and without containers', () => {
    const windows = sampleWorkload({ template: podTemplate({ osName: 'windows' }) });
    expect(runCheck(check, windows)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Deployment default/nginx-deployment runs Windows pods (spec.os.name: windows): readOnlyRootFilesystem cannot be set on Windows',
    });
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
