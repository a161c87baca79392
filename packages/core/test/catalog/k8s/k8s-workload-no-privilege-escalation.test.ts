import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoPrivilegeEscalation as check } from '../../../src/catalog/k8s/k8s-workload-no-privilege-escalation.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KINDS: K8sContainerKind[] = ['container', 'initContainer', 'ephemeralContainer'];
const SAFE = { allowPrivilegeEscalation: false };

/** The nginx container, safe, beside one container of the given kind with the given value. */
function withSecond(kind: K8sContainerKind, allowPrivilegeEscalation: boolean | undefined) {
  const second = k8sContainer({
    kind,
    name: 'second',
    ...(allowPrivilegeEscalation === undefined ? {} : { securityContext: { allowPrivilegeEscalation } }),
  });
  return sampleWorkload({
    template: podTemplate({ containers: [k8sContainer({ securityContext: SAFE }), second] }),
  });
}

describe('k8s-workload-no-privilege-escalation', () => {
  it("fails the documentation's nginx Deployment, which sets no securityContext (absent fails at restricted)", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment lets container(s) nginx (unset) escalate privileges (allowPrivilegeEscalation is not false)',
    });
  });

  it.each(KINDS)('passes when the %s sets false beside a safe container', (kind) => {
    expect(runCheck(check, withSecond(kind, false))).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment: all 2 container(s) set allowPrivilegeEscalation: false',
    });
  });

  it.each(KINDS)('fails a %s that sets true or leaves it unset, naming only that one', (kind) => {
    // Prepare
    const label =
      kind === 'container'
        ? 'second'
        : kind === 'initContainer'
          ? 'init container second'
          : 'ephemeral container second';
    // Act
    const explicit = runCheck(check, withSecond(kind, true));
    const unset = runCheck(check, withSecond(kind, undefined));
    // Assess
    expect(explicit.status).toBe('FAIL');
    expect(explicit.message).toContain(`container(s) ${label} (true) escalate`);
    expect(unset.message).toContain(`container(s) ${label} (unset) escalate`);
    expect(unset.message).not.toContain('nginx (');
  });

  it('is NOT_APPLICABLE for a Windows pod (Linux only from PSA v1.25)', () => {
    const workload = sampleWorkload({ template: podTemplate({ osName: 'windows' }) });
    expect(runCheck(check, workload)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Deployment default/nginx-deployment runs Windows pods (spec.os.name: windows): allowPrivilegeEscalation applies to Linux pods only',
    });
    expect(runCheck(check, sampleWorkload({ template: podTemplate({ osName: 'linux' }) })).status).toBe(
      'FAIL',
    );
  });

  it('is NOT_APPLICABLE in an exempt namespace and without containers', () => {
    const exempt = sampleWorkload({ namespace: 'kube-system', workloadName: 'coredns' });
    expect(runCheck(check, exempt)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Deployment kube-system/coredns is exempt: namespace kube-system is in podSecurityExemptNamespaces',
    });
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
