import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import {
  containerLabel,
  exemptNamespace,
  listed,
  noContainers,
  windowsExempt,
  workloadLabel,
} from './pod-template.js';

/**
 * Every container sets `securityContext.allowPrivilegeEscalation: false` (PSA
 * `allowPrivilegeEscalation`): absent fails at restricted, since the kernel's default lets a
 * process gain more privileges than its parent (set-user-ID binaries, file capabilities).
 * Linux only: a Windows pod is NOT_APPLICABLE.
 */
export const k8sWorkloadNoPrivilegeEscalation = defineCheck({
  id: 'k8s-workload-no-privilege-escalation',
  title: 'Kubernetes workload containers set allowPrivilegeEscalation to false',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    "Unless allowPrivilegeEscalation is false the container's processes can gain privileges through set-user-ID binaries and file capabilities (no_new_privs is not set): an attacker with code execution in the container climbs to root inside it, one step from the node.",
  remediation: {
    text: 'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container of the pod template, and roll the workload out again.',
    cli: 'kubectl patch deployment <name> -n <namespace> --type json -p \'[{"op":"add","path":"/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation","value":false}]\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            allowPrivilegeEscalation: false',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  mappings: {
    prowler: ['core_minimize_allowPrivilegeEscalation_containers'],
    kubescape: ['C-0016'],
    pss: ['allowPrivilegeEscalation'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skip =
      exemptNamespace(workload, config) ??
      noContainers(workload) ??
      windowsExempt(workload, 'allowPrivilegeEscalation');
    if (skip) return notApplicable(skip);
    const { containers } = workload.template;
    const offenders = containers.flatMap(function escalating(container) {
      const value = container.securityContext?.allowPrivilegeEscalation;
      return value === false ? [] : [`${containerLabel(container)} (${value ?? 'unset'})`];
    });
    if (offenders.length > 0) {
      return fail(
        `${workloadLabel(workload)} lets container(s) ${listed(offenders)} escalate privileges (allowPrivilegeEscalation is not false)`,
      );
    }
    return pass(
      `${workloadLabel(workload)}: all ${containers.length} container(s) set allowPrivilegeEscalation: false`,
    );
  },
});
