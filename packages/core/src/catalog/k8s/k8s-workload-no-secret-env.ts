import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerLabel, listed, noContainers, workloadLabel } from './pod-template.js';

export const k8sWorkloadNoSecretEnv = defineCheck({
  id: 'k8s-workload-no-secret-env',
  title: 'Kubernetes workloads read Secrets from files, not environment variables',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-5',
  severity: 'medium',
  rationale:
    'A Secret put into an environment variable is handed to every process the container starts, shows in /proc/<pid>/environ, in crash reports and in whatever logs the environment, and stays fixed until the pod restarts; mounted as a file it can be read only by the process that opens it, with file permissions, and Kubernetes refreshes it when the Secret changes.',
  remediation: {
    text: 'Mount the Secret as a volume (secret or projected) and have the application read the file, instead of env[].valueFrom.secretKeyRef.',
    cli: 'kubectl set env deployment/<name> --namespace <namespace> <VARIABLE>-',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: <container>\n          volumeMounts:\n            - name: credentials\n              mountPath: /etc/credentials\n              readOnly: true\n      volumes:\n        - name: credentials\n          secret:\n            secretName: <secret>\n            defaultMode: 0400',
    },
    url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  },
  mappings: { prowler: ['core_no_secrets_envs'], kubescape: ['C-0207'] },
  reads: ['template'],
  evaluate(workload) {
    const none = noContainers(workload);
    if (none) return notApplicable(none);
    const label = workloadLabel(workload);
    const offending = workload.template.containers.filter((container) => container.secretEnv.length > 0);
    if (offending.length === 0) {
      return pass(
        `${label}: none of its ${workload.template.containers.length} container(s) takes a Secret into an environment variable`,
      );
    }
    const named = offending.map(
      (container) => `${containerLabel(container)} (${listed(container.secretEnv)})`,
    );
    return fail(`${label} takes Secrets into environment variables (secretKeyRef): ${listed(named)}`);
  },
});
