import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

export const k8sWorkloadNoPrivileged = defineCheck({
  id: 'k8s-workload-no-privileged',
  title: 'Kubernetes workloads run no privileged container',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'critical',
  rationale:
    "A privileged container gets every Linux capability and every device of the node, with no seccomp or AppArmor confinement: its root user is root on the EC2 node, so one compromised process can read every other pod's secrets and the node's IAM role credentials. Pod Security Standards baseline forbids it.",
  remediation: {
    text: 'Remove `securityContext.privileged: true` from every container, init container and ephemeral container of the pod template (or set it to false); grant only the Linux capabilities the container needs through `securityContext.capabilities.add`.',
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"containers":[{"name":"<container>","securityContext":{"privileged":false}}]}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            privileged: false',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: {
    prowler: ['core_minimize_privileged_containers'],
    kubescape: ['C-0057'],
    pss: ['privileged'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers } = workload.template;
    const privileged = containers.filter((container) => container.securityContext?.privileged === true);
    if (privileged.length > 0) {
      return fail(
        `${workloadLabel(workload)} runs privileged container(s) ${listed(privileged.map(containerLabel))} (securityContext.privileged: true)`,
      );
    }
    return pass(`${workloadLabel(workload)}: none of its ${containers.length} container(s) is privileged`);
  },
});
