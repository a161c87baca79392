import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import {
  capabilityName,
  clipped,
  containerLabel,
  listed,
  podSecurityNotApplicable,
  workloadLabel,
} from './pod-template.js';

export const k8sWorkloadCapabilitiesBaseline = defineCheck({
  id: 'k8s-workload-capabilities-baseline',
  title: 'Kubernetes workloads add only allowed Linux capabilities to their containers',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'Capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE or ALL give a container root powers over the kernel of the EC2 node (mounting file systems, reconfiguring the node network, spoofing packets, tracing other processes) and are the usual route of a container escape. Pod Security Standards baseline allows adding only its list, which is allowedAddedCapabilities by default.',
  remediation: {
    text: 'Remove from `securityContext.capabilities.add` of every container, init container and ephemeral container each capability outside allowedAddedCapabilities (the Pod Security Standards baseline list by default); for the restricted profile, also `drop: ["ALL"]`.',
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"containers":[{"name":"<container>","securityContext":{"capabilities":{"add":["NET_BIND_SERVICE"],"drop":["ALL"]}}}]}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            capabilities:\n              add: ["NET_BIND_SERVICE"]\n              drop: ["ALL"]',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: { kubescape: ['C-0046'], pss: ['capabilities_baseline'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const allowed = new Set(config.allowedAddedCapabilities.map(capabilityName));
    const offending: string[] = [];
    const added: string[] = [];
    for (const container of workload.template.containers) {
      const names = (container.securityContext?.capabilities?.add ?? []).map(capabilityName).filter(Boolean);
      if (names.length === 0) continue;
      const unique = [...new Set(names)].map(clipped);
      added.push(`${containerLabel(container)} (${listed(unique)})`);
      const beyond = unique.filter((name) => !allowed.has(name));
      if (beyond.length > 0) offending.push(`${containerLabel(container)} (${listed(beyond)})`);
    }
    if (offending.length > 0) {
      return fail(
        `${workloadLabel(workload)} adds Linux capabilities outside allowedAddedCapabilities: ${listed(offending)}`,
      );
    }
    if (added.length === 0)
      return pass(`${workloadLabel(workload)} adds no Linux capabilities to its containers`);
    return pass(`${workloadLabel(workload)} adds only allowed Linux capabilities: ${listed(added)}`);
  },
});
