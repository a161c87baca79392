import { describe, expect, it } from 'vitest';
import { k8sWorkloadRunAsNonRoot as check } from '../../../src/catalog/k8s/k8s-workload-run-as-non-root.js';
import type { K8sContainerKind, K8sPodSecurityContext } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];

function podContext(runAsNonRoot: boolean | undefined): K8sPodSecurityContext {
  return { sysctls: [], ...(runAsNonRoot === undefined ? {} : { runAsNonRoot }) };
}

/** The nginx container (no securityContext) beside a second container of the kind, under the pod's value. */
function workload(
  kind: K8sContainerKind,
  pod: boolean | undefined,
  second: boolean | undefined,
  first?: boolean,
) {
  return sampleWorkload({
    template: podTemplate({
      securityContext: podContext(pod),
      containers: [
        k8sContainer(first === undefined ? {} : { securityContext: { runAsNonRoot: first } }),
        k8sContainer({
          kind,
          name: 'second',
          ...(second === undefined ? {} : { securityContext: { runAsNonRoot: second } }),
        }),
      ],
    }),
  });
}

describe('k8s-workload-run-as-non-root', () => {
  it("fails the documentation's nginx Deployment, which sets runAsNonRoot nowhere", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment does not require non-root: runAsNonRoot is not true for nginx (unset)',
    });
  });

  it.each(KINDS)('passes a %s that leaves it unset when the pod sets true', (kind) => {
    expect(runCheck(check, workload(kind, true, undefined))).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: the pod sets runAsNonRoot: true, no container overrides it with false',
    });
  });

  it.each(KINDS)("fails a %s whose false overrides the pod's true, naming only it", (kind, label) => {
    const outcome = runCheck(check, workload(kind, true, false));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment does not require non-root: runAsNonRoot is not true for ${label} (false)`,
    });
  });

  it.each(KINDS)('fails a %s left unset when the pod does not set true', (kind, label) => {
    const outcome = runCheck(check, workload(kind, undefined, undefined, true));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(`for ${label} (unset)`);
    expect(outcome.message).not.toContain('nginx (');
  });

  it('passes when every container sets true and the pod sets nothing', () => {
    expect(runCheck(check, workload('initContainer', undefined, true, true))).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: every container sets runAsNonRoot: true, no container overrides it with false',
    });
  });

  it("fails a pod-level false even when every container sets true, as PSA counts the pod's own field", () => {
    expect(runCheck(check, workload('container', false, true, true))).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment does not require non-root: runAsNonRoot is not true for the pod (false)',
    });
  });

  it('passes a pod in a user namespace (hostUsers: false), saying PSA v1.35+ allows it; hostUsers: true changes nothing', () => {
    const userNamespace = sampleWorkload({ template: podTemplate({ hostUsers: false }) });
    expect(runCheck(check, userNamespace)).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment runs in a user namespace (hostUsers: false): the restricted standard allows any runAsNonRoot there (PSA v1.35+)',
    });
    expect(runCheck(check, sampleWorkload({ template: podTemplate({ hostUsers: true }) })).status).toBe(
      'FAIL',
    );
  });

  it('is NOT_APPLICABLE in an exempt namespace and without containers', () => {
    expect(runCheck(check, sampleWorkload({ namespace: 'kube-system' })).message).toBe(
      'Deployment kube-system/nginx-deployment is exempt: namespace kube-system is in podSecurityExemptNamespaces',
    );
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
