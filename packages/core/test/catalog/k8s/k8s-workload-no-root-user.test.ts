import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoRootUser as check } from '../../../src/catalog/k8s/k8s-workload-no-root-user.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const KINDS: [K8sContainerKind, string][] = [
  ['container', 'second'],
  ['initContainer', 'init container second'],
  ['ephemeralContainer', 'ephemeral container second'],
];

function workload(kind: K8sContainerKind, pod: number | undefined, second: number | undefined) {
  return sampleWorkload({
    template: podTemplate({
      securityContext: { sysctls: [], ...(pod === undefined ? {} : { runAsUser: pod }) },
      containers: [
        k8sContainer(),
        k8sContainer({
          kind,
          name: 'second',
          ...(second === undefined ? {} : { securityContext: { runAsUser: second } }),
        }),
      ],
    }),
  });
}

describe('k8s-workload-no-root-user', () => {
  it("passes the documentation's nginx Deployment, which sets no runAsUser (unset is allowed)", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: "Deployment default/nginx-deployment sets no runAsUser 0 (nginx unset (the image's user))",
    });
  });

  it.each(KINDS)(
    "passes a %s whose own UID overrides the pod's, naming each effective user",
    (kind, label) => {
      expect(runCheck(check, workload(kind, 1000, 2000))).toEqual({
        status: 'PASS',
        message: `Deployment default/nginx-deployment sets no runAsUser 0 (nginx 1000, ${label} 2000)`,
      });
    },
  );

  it.each(KINDS)("fails a %s that sets 0 over the pod's non-zero UID, naming only it", (kind, label) => {
    expect(runCheck(check, workload(kind, 1000, 0))).toEqual({
      status: 'FAIL',
      message: `Deployment default/nginx-deployment runs as root: runAsUser 0 is set by ${label}`,
    });
  });

  it('fails a pod-level 0, which the nginx container inherits', () => {
    const outcome = runCheck(check, workload('container', 0, 1000));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Deployment default/nginx-deployment runs as root: runAsUser 0 is set by the pod',
    });
  });

  it("fails a pod-level 0 even when every container overrides it, as PSA counts the pod's own field", () => {
    const workload = sampleWorkload({
      template: podTemplate({
        securityContext: { sysctls: [], runAsUser: 0 },
        containers: [k8sContainer({ securityContext: { runAsUser: 1000 } })],
      }),
    });
    expect(runCheck(check, workload).status).toBe('FAIL');
  });

  it('passes UID 0 in a user namespace (hostUsers: false), saying why (PSA v1.35+)', () => {
    // Prepare
    const userNamespace = workload('container', 0, 0);
    userNamespace.template.hostUsers = false;
    // Act
    const outcome = runCheck(check, userNamespace);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('user namespace (hostUsers: false)');
    expect(outcome.message).toContain('PSA v1.35+');
  });

  it('is NOT_APPLICABLE in an exempt namespace and without containers', () => {
    const exempt = sampleWorkload({
      namespace: 'kube-system',
      template: workload('container', 0, 0).template,
    });
    expect(runCheck(check, exempt).status).toBe('NOT_APPLICABLE');
    expect(runCheck(check, exempt, { podSecurityExemptNamespaces: [] }).status).toBe('FAIL');
    const empty = sampleWorkload({ template: podTemplate({ containers: [] }) });
    expect(runCheck(check, empty).status).toBe('NOT_APPLICABLE');
  });
});
