import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import {
  clipped,
  containerLabel,
  exemptNamespace,
  listed,
  noContainers,
  windowsExempt,
  workloadLabel,
} from './pod-template.js';

/** The seccomp profile types the restricted standard allows, spelled as the API spells them. */
const RESTRICTED_SECCOMP: readonly string[] = ['RuntimeDefault', 'Localhost'];

/**
 * Every container runs under a seccomp profile of type `RuntimeDefault` or `Localhost` (PSA
 * `seccompProfile_restricted`): its own, or the pod's when it sets none. Absence is prohibited;
 * a pod-level value outside the two fails even when every container sets its own, as PSA counts
 * the pod's own field. Linux only: a Windows pod is NOT_APPLICABLE.
 */
export const k8sWorkloadSeccompRestricted = defineCheck({
  id: 'k8s-workload-seccomp-restricted',
  title: 'Kubernetes workloads run every container under the RuntimeDefault or a Localhost seccomp profile',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "Without a seccomp profile the kubelet runs containers Unconfined: every system call reaches the node's kernel, so a kernel flaw reachable through a rarely used call (the ones RuntimeDefault blocks) lets a compromised container take over the node.",
  remediation: {
    text: 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec (or Localhost with a localhostProfile the nodes carry), remove any container-level Unconfined, and roll the workload out again.',
    cli: 'kubectl patch deployment <name> -n <namespace> --type merge -p \'{"spec":{"template":{"spec":{"securityContext":{"seccompProfile":{"type":"RuntimeDefault"}}}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault',
    },
    url: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  },
  mappings: {
    prowler: ['core_seccomp_profile_docker_default'],
    kubescape: ['C-0210'],
    pss: ['seccompProfile_restricted'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skip =
      exemptNamespace(workload, config) ??
      noContainers(workload) ??
      windowsExempt(workload, 'seccompProfile');
    if (skip) return notApplicable(skip);
    const { template } = workload;
    const pod = template.securityContext?.seccompProfileType;
    const podSet = pod !== undefined && RESTRICTED_SECCOMP.includes(pod);
    const offenders = pod !== undefined && !podSet ? [`the pod (${clipped(pod)})`] : [];
    for (const container of template.containers) {
      const own = container.securityContext?.seccompProfileType;
      if (own !== undefined && !RESTRICTED_SECCOMP.includes(own)) {
        offenders.push(`${containerLabel(container)} (${clipped(own)})`);
      } else if (own === undefined && !podSet) offenders.push(`${containerLabel(container)} (unset)`);
    }
    if (offenders.length > 0) {
      return fail(
        `${workloadLabel(workload)} does not set a RuntimeDefault or Localhost seccomp profile for ${listed(offenders)}`,
      );
    }
    const where = podSet ? `the pod sets ${pod}` : 'every container sets its own';
    return pass(
      `${workloadLabel(workload)} runs every container under a restricted seccomp profile (${where})`,
    );
  },
});
