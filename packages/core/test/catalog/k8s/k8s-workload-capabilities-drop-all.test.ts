import { describe, expect, it } from 'vitest';
import { k8sWorkloadCapabilitiesDropAll as check } from '../../../src/catalog/k8s/k8s-workload-capabilities-drop-all.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];
const RESTRICTED = { capabilities: { drop: ['ALL'], add: [] } };

function workload(kind: K8sContainerKind, capabilities?: { add: string[]; drop: string[] }) {
  return sampleWorkload({
    template: podTemplate({
      containers: [
        k8sContainer({ securityContext: RESTRICTED }),
        k8sContainer({
          kind,
          name: 'second',
          ...(capabilities ? { securityContext: { capabilities } } : {}),
        }),
      ],
    }),
  });
}

describe('k8s-workload-capabilities-drop-all', () => {
  it("fails the documentation's nginx Deployment, which keeps the runtime's default capabilities", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment does not restrict capabilities (drop ALL, add at most NET_BIND_SERVICE) for nginx (no capabilities set, so ALL is not dropped)',
    });
  });

  it.each(KINDS)('passes a %s that drops ALL and adds back NET_BIND_SERVICE', (kind) => {
    expect(runCheck(check, workload(kind, { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }))).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment: all 2 container(s) drop ALL capabilities and add at most NET_BIND_SERVICE',
    });
  });

  it.each(KINDS)('fails a %s that drops only some, or adds more, naming what it does', (kind, label) => {
    // Act
    const partial = runCheck(check, workload(kind, { drop: ['NET_RAW', 'SYS_ADMIN'], add: [] }));
    const adds = runCheck(check, workload(kind, { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] }));
    const none = runCheck(check, workload(kind));
    // Assess
    expect(partial.message).toContain(`for ${label} (drops NET_RAW, SYS_ADMIN, not ALL)`);
    expect(adds.message).toContain(`for ${label} (adds SYS_ADMIN)`);
    expect(none.message).toContain(`for ${label} (no capabilities set, so ALL is not dropped)`);
    for (const outcome of [partial, adds, none]) {
      expect(outcome.status).toBe('FAIL');
      expect(outcome.message).not.toContain('nginx (');
    }
  });

  it('compares as PSA does, exactly: all and CAP_NET_BIND_SERVICE do not count', () => {
    const outcome = runCheck(check, workload('container', { drop: ['all'], add: ['CAP_NET_BIND_SERVICE'] }));
    expect(outcome.message).toContain('second (drops all, not ALL, adds CAP_NET_BIND_SERVICE)');
  });

  it('says when a container sets capabilities but drops nothing', () => {
    const outcome = runCheck(check, workload('container', { drop: [], add: [] }));
    expect(outcome.message).toContain('second (drops nothing)');
  });

  it('is NOT_APPLICABLE for a Windows pod, in an exempt namespace and without containers', () => {
    const windows = sampleWorkload({ template: podTemplate({ osName: 'windows' }) });
    expect(runCheck(check, windows).message).toBe(
      'Deployment default/nginx-deployment runs Windows pods (spec.os.name: windows): capabilities applies to Linux pods only',
    );
    const exempt = sampleWorkload({
      namespace: 'kube-system',
      kind: 'DaemonSet',
      workloadName: 'kube-proxy',
    });
    expect(runCheck(check, exempt)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'DaemonSet kube-system/kube-proxy is exempt: namespace kube-system is in podSecurityExemptNamespaces',
    });
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
