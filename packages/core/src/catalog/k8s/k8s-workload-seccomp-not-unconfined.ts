import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import {
  clipped,
  containerLabel,
  effective,
  listed,
  podSecurityNotApplicable,
  workloadLabel,
} from './pod-template.js';

/** `seccompProfile.type` values Pod Security Standards baseline allows (besides leaving it unset). */
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

const allowed = (type: string | undefined): boolean => type === undefined || ALLOWED_TYPES.has(type);

export const k8sWorkloadSeccompNotUnconfined = defineCheck({
  id: 'k8s-workload-seccomp-not-unconfined',
  title: 'Kubernetes workloads do not turn seccomp off',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "A seccomp profile filters the system calls a container may make to the EC2 node's kernel; `Unconfined` opens all of them (keyctl, unshare, mount, bpf…), the surface most kernel exploits for container escape use. Pod Security Standards baseline forbids setting it at the pod or the container level (leaving the profile unset is allowed at baseline; k8s-workload-seccomp-restricted requires one).",
  remediation: {
    text: 'Set `securityContext.seccompProfile.type` to `RuntimeDefault` (or `Localhost` with a profile on the nodes) at the pod level, and remove `Unconfined` from every container that sets its own.',
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"securityContext":{"seccompProfile":{"type":"RuntimeDefault"}}}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault',
    },
    url: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  },
  mappings: { pss: ['seccompProfile_baseline'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers, securityContext } = workload.template;
    const setters: string[] = [];
    const podType = securityContext?.seccompProfileType;
    if (!allowed(podType)) {
      const inheriting = containers.filter(
        (container) => container.securityContext?.seccompProfileType === undefined,
      );
      const inherited =
        inheriting.length > 0
          ? `, inherited by ${listed(inheriting.map(containerLabel))}`
          : ', overridden by every container';
      setters.push(`the pod (seccompProfile.type ${clipped(podType ?? '') || '""'}${inherited})`);
    }
    for (const container of containers) {
      const own = container.securityContext?.seccompProfileType;
      if (!allowed(own))
        setters.push(`${containerLabel(container)} (seccompProfile.type ${clipped(own ?? '') || '""'})`);
    }
    if (setters.length > 0) {
      return fail(`${workloadLabel(workload)} sets seccomp profiles baseline forbids: ${listed(setters)}`);
    }
    const unset = containers.filter(
      (container) => effective(container, workload.template, 'seccompProfileType') === undefined,
    );
    if (unset.length === 0) {
      return pass(
        `${workloadLabel(workload)}: its ${containers.length} container(s) run with RuntimeDefault or Localhost seccomp profiles`,
      );
    }
    return pass(
      `${workloadLabel(workload)} sets no Unconfined seccomp profile; it is unset for ${listed(unset.map(containerLabel))} (Unconfined unless the kubelet's seccompDefault is on), which baseline allows`,
    );
  },
});
