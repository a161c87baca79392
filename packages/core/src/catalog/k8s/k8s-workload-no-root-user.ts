import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import {
  containerLabel,
  effective,
  exemptNamespace,
  listed,
  noContainers,
  workloadLabel,
} from './pod-template.js';

/**
 * Neither the pod nor a container sets `runAsUser: 0` (PSA `runAsUser`): a container's value
 * overrides the pod's, and a pod-level 0 fails even when every container overrides it, as PSA
 * counts the pod's own field. Unset is allowed (runAsNonRoot governs it). In a user namespace
 * (`hostUsers: false`) PSA (policy v1.35+) allows any value, since UID 0 in the pod maps to an
 * unprivileged UID on the node: the workload passes, saying why.
 */
export const k8sWorkloadNoRootUser = defineCheck({
  id: 'k8s-workload-no-root-user',
  title: 'Kubernetes workloads do not set runAsUser 0',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    "runAsUser: 0 starts the container's processes as root whatever the image says: a compromised process owns the container and is one kernel or runtime flaw away from root on the node.",
  remediation: {
    text: 'Set runAsUser to a non-zero UID (10001, say) in the pod and container security contexts, or remove it and let a non-root image user apply; or run the pod in a user namespace (hostUsers: false, Kubernetes 1.33+ nodes).',
    cli: 'kubectl patch deployment <name> -n <namespace> --type merge -p \'{"spec":{"template":{"spec":{"securityContext":{"runAsUser":10001}}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 10001\n        runAsNonRoot: true',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  mappings: {
    prowler: ['core_minimize_root_containers_admission'],
    kubescape: ['C-0013'],
    pss: ['runAsUser'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skip = exemptNamespace(workload, config) ?? noContainers(workload);
    if (skip) return notApplicable(skip);
    const { template } = workload;
    if (template.hostUsers === false) {
      return pass(
        `${workloadLabel(workload)} runs in a user namespace (hostUsers: false): the restricted standard allows any runAsUser there (PSA v1.35+), UID 0 maps to an unprivileged UID on the node`,
      );
    }
    const offenders = template.securityContext?.runAsUser === 0 ? ['the pod'] : [];
    for (const container of template.containers) {
      if (container.securityContext?.runAsUser === 0) offenders.push(containerLabel(container));
    }
    if (offenders.length > 0) {
      return fail(`${workloadLabel(workload)} runs as root: runAsUser 0 is set by ${listed(offenders)}`);
    }
    const users = template.containers.map(function user(container) {
      const uid = effective(container, template, 'runAsUser');
      return `${containerLabel(container)} ${uid ?? "unset (the image's user)"}`;
    });
    return pass(`${workloadLabel(workload)} sets no runAsUser 0 (${listed(users)})`);
  },
});
