import { describe, expect, it } from 'vitest';
import { k8sWorkloadSeccompRestricted as check } from '../../../src/catalog/k8s/k8s-workload-seccomp-restricted.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];

/** nginx with `first`, a second container of the kind with `second`, under the pod's type. */
function workload(kind: K8sContainerKind, pod?: string, second?: string, first?: string) {
  const own = (type?: string) =>
    type === undefined ? {} : { securityContext: { seccompProfileType: type } };
  return sampleWorkload({
    template: podTemplate({
      securityContext: { sysctls: [], ...(pod === undefined ? {} : { seccompProfileType: pod }) },
      containers: [k8sContainer(own(first)), k8sContainer({ kind, name: 'second', ...own(second) })],
    }),
  });
}

describe('k8s-workload-seccomp-restricted', () => {
  it("fails the documentation's nginx Deployment: absence is prohibited at restricted", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment does not set a RuntimeDefault or Localhost seccomp profile for nginx (unset)',
    });
  });

  it.each(KINDS)('passes a %s left unset under a pod-level RuntimeDefault', (kind) => {
    expect(runCheck(check, workload(kind, 'RuntimeDefault'))).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment runs every container under a restricted seccomp profile (the pod sets RuntimeDefault)',
    });
  });

  it.each(KINDS)(
    "fails a %s whose Unconfined overrides the pod's RuntimeDefault, naming only it",
    (kind, label) => {
      expect(runCheck(check, workload(kind, 'RuntimeDefault', 'Unconfined')).message).toBe(
        `Deployment default/nginx-deployment does not set a RuntimeDefault or Localhost seccomp profile for ${label} (Unconfined)`,
      );
    },
  );

  it.each(KINDS)(
    'fails a %s left unset when the pod sets nothing, though nginx sets Localhost',
    (kind, label) => {
      const outcome = runCheck(check, workload(kind, undefined, undefined, 'Localhost'));
      expect(outcome.status).toBe('FAIL');
      expect(outcome.message).toContain(`for ${label} (unset)`);
      expect(outcome.message).not.toContain('nginx (');
    },
  );

  it('passes when every container sets its own and the pod sets none', () => {
    expect(runCheck(check, workload('initContainer', undefined, 'RuntimeDefault', 'Localhost')).message).toBe(
      'Deployment default/nginx-deployment runs every container under a restricted seccomp profile (every container sets its own)',
    );
  });

  it('fails a pod-level Unconfined even when every container overrides it, and compares types exactly', () => {
    expect(
      runCheck(check, workload('container', 'Unconfined', 'RuntimeDefault', 'RuntimeDefault')).message,
    ).toBe(
      'Deployment default/nginx-deployment does not set a RuntimeDefault or Localhost seccomp profile for the pod (Unconfined)',
    );
    expect(runCheck(check, workload('container', 'runtimedefault')).status).toBe('FAIL');
  });

  it('is NOT_APPLICABLE for a Windows pod, in an exempt namespace and without containers', () => {
    const windows = sampleWorkload({ template: podTemplate({ osName: 'Windows' }) });
    expect(runCheck(check, windows)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Deployment default/nginx-deployment runs Windows pods (spec.os.name: Windows): seccompProfile applies to Linux pods only',
    });
    expect(runCheck(check, sampleWorkload({ namespace: 'kube-system' })).status).toBe('NOT_APPLICABLE');
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
