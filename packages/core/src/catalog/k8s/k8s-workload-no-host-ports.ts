import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

export const k8sWorkloadNoHostPorts = defineCheck({
  id: 'k8s-workload-no-host-ports',
  title: "Kubernetes workloads bind no port of the node's interfaces",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-2',
  severity: 'medium',
  rationale:
    "A container port with a `hostPort` is opened on the EC2 node's own address: it is reachable by anything that reaches the node, outside the Services, load balancers and network policies meant to front the workload, and it ties the pod to nodes where that port is free. Pod Security Standards baseline forbids host ports (PSA allows no list of known ones).",
  remediation: {
    text: 'Remove `hostPort` from the container ports of the pod template (or set it to 0) and expose the port through a Service (ClusterIP, or a LoadBalancer through the AWS Load Balancer Controller).',
    cli: 'kubectl patch deployment <name> -n <namespace> --type json -p \'[{"op":"remove","path":"/spec/template/spec/containers/0/ports/0/hostPort"}]\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          ports:\n            - containerPort: 8080\n              protocol: TCP',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: {
    prowler: ['core_minimize_admission_hostport_containers'],
    kubescape: ['C-0044'],
    pss: ['hostPorts'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers } = workload.template;
    const binding = containers.flatMap(function hostPorts(container) {
      const ports = container.ports
        .map((port) => port.hostPort)
        .filter((hostPort): hostPort is number => hostPort !== undefined && hostPort !== 0);
      return ports.length > 0 ? [`${containerLabel(container)} (hostPort ${listed(ports.map(String))})`] : [];
    });
    if (binding.length > 0) {
      return fail(`${workloadLabel(workload)} binds ports of the node: ${listed(binding)}`);
    }
    return pass(`${workloadLabel(workload)}: none of its ${containers.length} container(s) sets a hostPort`);
  },
});
