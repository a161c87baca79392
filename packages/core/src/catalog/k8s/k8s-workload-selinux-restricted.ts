import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sSeLinuxOptions } from '../../types/kubernetes.js';
import { clipped, containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

/**
 * `seLinuxOptions.type` values Pod Security Standards baseline allows, besides unset or empty
 * (PSS; PSA `check_seLinuxOptions.go`; `container_engine_t` since Kubernetes 1.31).
 */
const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);

/** What a `seLinuxOptions` sets that baseline forbids (`type spc_t`, `user system_u`); empty when nothing. */
function forbiddenIn(options: K8sSeLinuxOptions | undefined): string[] {
  if (options === undefined) return [];
  const { type, user, role } = options;
  return [
    ...(type !== undefined && type !== '' && !ALLOWED_TYPES.has(type) ? [`type ${clipped(type)}`] : []),
    ...(user !== undefined && user !== '' ? [`user ${clipped(user)}`] : []),
    ...(role !== undefined && role !== '' ? [`role ${clipped(role)}`] : []),
  ];
}

export const k8sWorkloadSelinuxRestricted = defineCheck({
  id: 'k8s-workload-selinux-restricted',
  title: 'Kubernetes workloads use only the container SELinux types and no custom SELinux user or role',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "On SELinux-enforcing nodes (Bottlerocket), a container's SELinux type is what keeps its processes off the node's files and other containers' data. A type such as `spc_t` (super-privileged container) or `unconfined_t`, or a custom SELinux user or role, lifts that confinement. Pod Security Standards baseline allows only the container types, and no user or role, at the pod and the container level.",
  remediation: {
    text: 'Remove `seLinuxOptions.user` and `seLinuxOptions.role`, and set `seLinuxOptions.type` to one of container_t, container_init_t, container_kvm_t, container_engine_t (or leave it unset), at the pod and every container level; `level` may stay.',
    cli: 'kubectl apply -f workload.yaml',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        seLinuxOptions:\n          level: "s0:c123,c456"',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: { pss: ['seLinuxOptions'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers, securityContext } = workload.template;
    const setters: string[] = [];
    const pod = forbiddenIn(securityContext?.seLinuxOptions);
    if (pod.length > 0) setters.push(`the pod (${pod.join(', ')})`);
    for (const container of containers) {
      const own = forbiddenIn(container.securityContext?.seLinuxOptions);
      if (own.length > 0) setters.push(`${containerLabel(container)} (${own.join(', ')})`);
    }
    if (setters.length > 0) {
      return fail(`${workloadLabel(workload)} sets SELinux options baseline forbids: ${listed(setters)}`);
    }
    return pass(
      `${workloadLabel(workload)}: the pod and its ${containers.length} container(s) use only container SELinux types, with no user or role`,
    );
  },
});
