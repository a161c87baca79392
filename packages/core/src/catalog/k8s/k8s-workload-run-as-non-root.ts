import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerLabel, exemptNamespace, listed, noContainers, workloadLabel } from './pod-template.js';

/**
 * Every container must run with `runAsNonRoot: true` (PSA `runAsNonRoot`): its own value, or the
 * pod's when it sets none. A container's `false` overrides the pod's `true` and fails; a pod-level
 * `false` fails even when every container sets `true`, as PSA counts the pod's own field. In a user
 * namespace (`hostUsers: false`) PSA (policy v1.35+) allows any value, so the workload passes,
 * saying why.
 */
export const k8sWorkloadRunAsNonRoot = defineCheck({
  id: 'k8s-workload-run-as-non-root',
  title: 'Kubernetes workload containers must run as non-root (runAsNonRoot)',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'Without runAsNonRoot: true the kubelet starts the container as whatever user its image names, root for most images: a compromised process is root inside the container, owns its files and is one kernel or runtime flaw away from root on the node.',
  remediation: {
    text: 'Set securityContext.runAsNonRoot: true in the pod spec (or on every container), remove any container-level false, and make sure the image runs as a numeric non-root user (USER 10001, or runAsUser); the kubelet then refuses to start a container that would run as root.',
    cli: 'kubectl patch deployment <name> -n <namespace> --type merge -p \'{"spec":{"template":{"spec":{"securityContext":{"runAsNonRoot":true}}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  mappings: { kubescape: ['C-0013'], pss: ['runAsNonRoot'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skip = exemptNamespace(workload, config) ?? noContainers(workload);
    if (skip) return notApplicable(skip);
    const { template } = workload;
    if (template.hostUsers === false) {
      return pass(
        `${workloadLabel(workload)} runs in a user namespace (hostUsers: false): the restricted standard allows any runAsNonRoot there (PSA v1.35+)`,
      );
    }
    const pod = template.securityContext?.runAsNonRoot;
    const offenders = pod === false ? ['the pod (false)'] : [];
    for (const container of template.containers) {
      const own = container.securityContext?.runAsNonRoot;
      if (own === false) offenders.push(`${containerLabel(container)} (false)`);
      else if (own === undefined && pod !== true) offenders.push(`${containerLabel(container)} (unset)`);
    }
    if (offenders.length > 0) {
      return fail(
        `${workloadLabel(workload)} does not require non-root: runAsNonRoot is not true for ${listed(offenders)}`,
      );
    }
    const where =
      pod === true ? 'the pod sets runAsNonRoot: true' : 'every container sets runAsNonRoot: true';
    return pass(`${workloadLabel(workload)}: ${where}, no container overrides it with false`);
  },
});
