import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { podSecurityNotApplicable, workloadLabel } from './pod-template.js';

export const k8sWorkloadNoHostNetwork = defineCheck({
  id: 'k8s-workload-no-host-network',
  title: "Kubernetes workloads do not share the node's network namespace",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-2',
  severity: 'high',
  rationale:
    "A pod on the host network (`hostNetwork: true`) uses the EC2 node's interfaces: it sees and can bind every port of the node, reaches the instance metadata service and the node's kubelet without the pod network's security groups or network policies, and can sniff other pods' traffic on the node — the CSA's \"too much network access\". Pod Security Standards baseline forbids it.",
  remediation: {
    text: 'Remove `hostNetwork: true` from the pod template (or set it to false) and expose the workload through a Service; a node agent that must see the host network belongs in an exempt namespace (podSecurityExemptNamespaces).',
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"hostNetwork":false}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet: 'spec:\n  template:\n    spec:\n      hostNetwork: false',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: {
    prowler: ['core_minimize_hostNetwork_containers'],
    kubescape: ['C-0041'],
    pss: ['hostNamespaces'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { hostNetwork } = workload.template;
    if (hostNetwork === true) {
      return fail(`${workloadLabel(workload)} runs on the node's network namespace (hostNetwork: true)`);
    }
    return pass(
      `${workloadLabel(workload)} runs on the pod network (hostNetwork: ${hostNetwork === false ? 'false' : 'unset'})`,
    );
  },
});
