import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/catalog/index.js';
import { evaluate } from '../../../src/evaluate.js';
import type { K8sWorkload } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { NOW } from '../../helpers/resources.js';

const huge = 'x'.repeat(100_000);

/** The bad input, normalised as the readers leave it: every workload check gives a verdict or NOT_APPLICABLE, never ERROR. */
const BAD_INPUT: [string, K8sWorkload][] = [
  ['no containers, no volumes', sampleWorkload({ template: podTemplate({ containers: [] }) })],
  [
    'securityContext: null everywhere (absent once normalised), an unnamed container without image',
    sampleWorkload({ template: podTemplate({ containers: [k8sContainer({ name: '', image: undefined })] }) }),
  ],
  [
    'empty and undocumented values',
    sampleWorkload({
      template: podTemplate({
        annotations: { 'container.apparmor.security.beta.kubernetes.io/': '', [huge]: huge },
        securityContext: {
          sysctls: [{ name: '' }, { name: huge }],
          seccompProfileType: '',
          appArmorProfileType: 'Weird',
          seLinuxOptions: {},
        },
        volumes: [
          { name: '', source: 'unknown' },
          { name: 'h', source: 'hostPath', hostPath: huge },
        ],
        containers: [
          k8sContainer({
            kind: 'ephemeralContainer',
            securityContext: {
              capabilities: { add: ['', huge], drop: [] },
              procMount: '',
              seccompProfileType: 'x',
            },
            ports: [{}, { hostPort: -1 }],
            probeHosts: ['no-equals-sign', '='],
          }),
        ],
      }),
    }),
  ],
  [
    'a CronJob in an exempt namespace',
    sampleWorkload({ kind: 'CronJob', namespace: 'kube-system', template: podTemplate({ hostPID: true }) }),
  ],
];

describe('the Kubernetes workload checks on bad input', () => {
  it.each(BAD_INPUT)('judge %s without an ERROR, each with a bounded message', (_, workload) => {
    // Act
    const findings = evaluate(workload, { now: NOW });
    // Assess
    expect(findings.map((finding) => finding.checkId).sort()).toEqual(
      CATALOG.byResourceType('k8s-workload')
        .map((check) => check.id)
        .sort(),
    );
    for (const finding of findings) {
      expect(['PASS', 'FAIL', 'NOT_APPLICABLE'], `${finding.checkId}: ${finding.message}`).toContain(
        finding.status,
      );
      expect(finding.message.length).toBeGreaterThan(0);
      expect(finding.message.length, finding.checkId).toBeLessThan(2_000);
    }
  });

  it('records ERROR, never a verdict, on every check that reads the pod template when it could not be read', () => {
    // Prepare
    const unreadable = sampleWorkload({
      unreadable: { template: 'Forbidden: list deployments.apps in default' },
    });
    const readers = new Set(
      CATALOG.byResourceType('k8s-workload')
        .filter((check) => (check.reads as string[]).includes('template'))
        .map((check) => check.id),
    );
    // Act
    const findings = evaluate(unreadable, { now: NOW }).filter((finding) => readers.has(finding.checkId));
    // Assess
    expect(findings.length).toBeGreaterThanOrEqual(13);
    for (const finding of findings) {
      expect(finding.status).toBe('ERROR');
      expect(finding.message).toBe(
        'Could not read my-cluster/default/Deployment/nginx-deployment: template (Forbidden: list deployments.apps in default)',
      );
    }
  });
});
