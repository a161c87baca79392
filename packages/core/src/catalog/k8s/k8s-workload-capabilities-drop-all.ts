import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sContainer } from '../../types/kubernetes.js';
import {
  clipped,
  containerLabel,
  exemptNamespace,
  listed,
  noContainers,
  windowsExempt,
  workloadLabel,
} from './pod-template.js';

/** The one capability the restricted standard lets a container add back. */
const ALLOWED_ADD = 'NET_BIND_SERVICE';

/** What is wrong with a container's capabilities, or undefined when they are restricted. */
function capabilityProblem(container: K8sContainer): string | undefined {
  const capabilities = container.securityContext?.capabilities;
  if (capabilities === undefined) return 'no capabilities set, so ALL is not dropped';
  const problems: string[] = [];
  if (!capabilities.drop.includes('ALL')) {
    const drops = capabilities.drop.map((text) => clipped(text));
    problems.push(drops.length === 0 ? 'drops nothing' : `drops ${listed(drops)}, not ALL`);
  }
  const added = capabilities.add
    .filter((capability) => capability !== ALLOWED_ADD)
    .map((text) => clipped(text));
  if (added.length > 0) problems.push(`adds ${listed(added)}`);
  return problems.length > 0 ? problems.join(', ') : undefined;
}

/**
 * Every container drops `ALL` capabilities and adds back at most `NET_BIND_SERVICE` (PSA
 * `capabilities_restricted`), both spelled exactly as PSA compares them (`all` or
 * `CAP_NET_BIND_SERVICE` does not count). Linux only: a Windows pod is NOT_APPLICABLE.
 */
export const k8sWorkloadCapabilitiesDropAll = defineCheck({
  id: 'k8s-workload-capabilities-drop-all',
  title: 'Kubernetes workload containers drop ALL capabilities and add at most NET_BIND_SERVICE',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "A container keeps the runtime's default capabilities unless it drops them (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, …): a compromised process can change file ownership, bypass permission checks, forge packets on the node's network and switch users, far beyond what an application needs.",
  remediation: {
    text: 'Set securityContext.capabilities.drop: ["ALL"] on every container, init container and ephemeral container, add back only NET_BIND_SERVICE where a process binds a port below 1024, and roll the workload out again.',
    cli: 'kubectl patch deployment <name> -n <namespace> --type json -p \'[{"op":"add","path":"/spec/template/spec/containers/0/securityContext/capabilities","value":{"drop":["ALL"]}}]\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            capabilities:\n              drop: ["ALL"]\n              add: ["NET_BIND_SERVICE"]',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  mappings: {
    prowler: ['core_minimize_containers_capabilities_assigned'],
    pss: ['capabilities_restricted'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skip =
      exemptNamespace(workload, config) ?? noContainers(workload) ?? windowsExempt(workload, 'capabilities');
    if (skip) return notApplicable(skip);
    const { containers } = workload.template;
    const offenders = containers.flatMap(function unrestricted(container) {
      const problem = capabilityProblem(container);
      return problem === undefined ? [] : [`${containerLabel(container)} (${problem})`];
    });
    if (offenders.length > 0) {
      return fail(
        `${workloadLabel(workload)} does not restrict capabilities (drop ALL, add at most NET_BIND_SERVICE) for ${listed(offenders)}`,
      );
    }
    return pass(
      `${workloadLabel(workload)}: all ${containers.length} container(s) drop ALL capabilities and add at most NET_BIND_SERVICE`,
    );
  },
});
