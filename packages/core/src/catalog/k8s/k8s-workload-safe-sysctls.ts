import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { clipped, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

/**
 * The sysctls Pod Security Standards baseline allows a pod to set: namespaced in the pod and
 * isolated from the other pods of the node. Source: PSA `policy/check_sysctls.go` — the 1.0 set,
 * `net.ipv4.ip_local_reserved_ports` (1.27), the TCP keepalive and FIN timeout set (1.29),
 * `net.ipv4.tcp_rmem` and `net.ipv4.tcp_wmem` (1.32) and `net.ipv4.tcp_slow_start_after_idle`
 * (1.37); the PSS page lists the first ten (/work/shared/research/ecs-k8s-anchors.md §5).
 */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
  'net.ipv4.tcp_slow_start_after_idle',
]);

/**
 * A sysctl name in the dotted form: the kubelet also accepts `/` as the separator, and when the
 * first separator is `/` it swaps the two (`net/ipv4/tcp_syncookies` → `net.ipv4.tcp_syncookies`).
 */
function dotted(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash < 0 || (dot >= 0 && dot < slash)) return name;
  let converted = '';
  for (const character of name) converted += character === '/' ? '.' : character === '.' ? '/' : character;
  return converted;
}

export const k8sWorkloadSafeSysctls = defineCheck({
  id: 'k8s-workload-safe-sysctls',
  title: 'Kubernetes workloads set only safe sysctls',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "A sysctl outside the safe set is either not namespaced — it changes the EC2 node's kernel for every pod on it (`kernel.*`, `vm.*`) — or weakens a security mechanism of the pod's network namespace. Pod Security Standards baseline allows a pod to set only the safe sysctls, a list that has grown with Kubernetes versions; Customs allows the latest list.",
  remediation: {
    text: "Remove from `spec.securityContext.sysctls` every sysctl outside the safe set; a node-wide kernel setting belongs in the nodes' launch template or Bottlerocket settings, not in a pod.",
    cli: 'kubectl apply -f workload.yaml',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        sysctls:\n          - name: net.ipv4.ip_local_port_range\n            value: "1024 65535"',
    },
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  },
  mappings: { pss: ['sysctls'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const sysctls = workload.template.securityContext?.sysctls ?? [];
    const unsafe = [
      ...new Set(sysctls.map((sysctl) => sysctl.name).filter((name) => !SAFE_SYSCTLS.has(dotted(name)))),
    ];
    if (unsafe.length > 0) {
      return fail(
        `${workloadLabel(workload)} sets sysctls outside the safe set: ${listed(unsafe.map((name) => clipped(name) || '""'))}`,
      );
    }
    if (sysctls.length === 0) return pass(`${workloadLabel(workload)} sets no sysctls`);
    return pass(
      `${workloadLabel(workload)} sets only safe sysctls: ${listed(sysctls.map((sysctl) => clipped(sysctl.name)))}`,
    );
  },
});
