import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/evaluate.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { NOW } from '../../helpers/resources.js';

/** The restricted Pod Security Standard and image checks of this helper's brief, in CHECKS.md's order. */
const CHECK_IDS = [
  'k8s-workload-restricted-volume-types',
  'k8s-workload-no-privilege-escalation',
  'k8s-workload-run-as-non-root',
  'k8s-workload-no-root-user',
  'k8s-workload-seccomp-restricted',
  'k8s-workload-capabilities-drop-all',
  'k8s-workload-read-only-root-filesystem',
  'k8s-workload-approved-registry',
  'k8s-workload-images-pinned',
];

function verdicts(workload: ReturnType<typeof sampleWorkload>) {
  const findings = evaluate(workload, { now: NOW });
  return Object.fromEntries(
    findings.filter((finding) => CHECK_IDS.includes(finding.checkId)).map((f) => [f.checkId, f]),
  );
}

describe('the restricted and image checks through the engine', () => {
  it('are all registered for k8s-workload, in order', () => {
    const ids = evaluate(sampleWorkload(), { now: NOW }).map((finding) => finding.checkId);
    expect(ids.filter((id) => CHECK_IDS.includes(id))).toEqual(CHECK_IDS);
  });

  it("give ERROR with the reader's reason, never a verdict, when the pod template could not be read", () => {
    // Prepare
    const workload = sampleWorkload({ unreadable: { template: 'ListDeployments returned 403 Forbidden' } });
    // Act
    const findings = verdicts(workload);
    // Assess
    for (const id of CHECK_IDS) {
      expect(findings[id]?.status, id).toBe('ERROR');
      expect(findings[id]?.message).toContain('template (ListDeployments returned 403 Forbidden)');
    }
  });

  it("fail the documentation's nginx Deployment on everything but volume types and runAsUser", () => {
    const findings = verdicts(sampleWorkload());
    const statuses = Object.fromEntries(CHECK_IDS.map((id) => [id, findings[id]?.status]));
    expect(statuses).toEqual({
      'k8s-workload-restricted-volume-types': 'PASS',
      'k8s-workload-no-privilege-escalation': 'FAIL',
      'k8s-workload-run-as-non-root': 'FAIL',
      'k8s-workload-no-root-user': 'PASS',
      'k8s-workload-seccomp-restricted': 'FAIL',
      'k8s-workload-capabilities-drop-all': 'FAIL',
      'k8s-workload-read-only-root-filesystem': 'FAIL',
      'k8s-workload-approved-registry': 'FAIL',
      'k8s-workload-images-pinned': 'FAIL',
    });
  });

  it("pass a hardened Deployment from this account's ECR, pinned by digest", () => {
    // Prepare: the restricted standard's own example settings
    const hardened = k8sContainer({
      image: `111122223333.dkr.ecr.us-west-2.amazonaws.com/nginx@sha256:${'a'.repeat(64)}`,
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      },
    });
    const workload = sampleWorkload({
      template: podTemplate({
        securityContext: {
          sysctls: [],
          runAsNonRoot: true,
          runAsUser: 10001,
          seccompProfileType: 'RuntimeDefault',
        },
        containers: [hardened, { ...hardened, kind: 'initContainer', name: 'setup' }],
        volumes: [{ name: 'cache', source: 'emptyDir' }],
      }),
    });
    // Act
    const findings = verdicts(workload);
    // Assess
    for (const id of CHECK_IDS) expect(findings[id]?.status, `${id}: ${findings[id]?.message}`).toBe('PASS');
  });
});
