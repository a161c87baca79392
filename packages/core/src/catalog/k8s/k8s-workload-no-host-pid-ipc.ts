import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { podSecurityNotApplicable, workloadLabel } from './pod-template.js';

export const k8sWorkloadNoHostPidIpc = defineCheck({
  id: 'k8s-workload-no-host-pid-ipc',
  title: "Kubernetes workloads do not share the node's process or IPC namespace",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    "With `hostPID: true` a pod sees every process of the EC2 node — other pods' included — with their environment and command lines, and can signal or trace them; with `hostIPC: true` it shares the node's System V shared memory and semaphores with every process on it. Either breaks the isolation between the pod and the rest of the node. Pod Security Standards baseline forbids both.",
  remediation: {
    text: "Remove `hostPID: true` and `hostIPC: true` from the pod template (or set them to false); share a process namespace between the pod's own containers with `shareProcessNamespace` instead.",
    cli: 'kubectl patch deployment <name> -n <namespace> -p \'{"spec":{"template":{"spec":{"hostPID":false,"hostIPC":false}}}}\'',
    iac: {
      format: 'kubernetes',
      snippet: 'spec:\n  template:\n    spec:\n      hostPID: false\n      hostIPC: false',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: {
    prowler: ['core_minimize_hostPID_containers', 'core_minimize_hostIPC_containers'],
    kubescape: ['C-0038'],
    pss: ['hostNamespaces'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { hostPID, hostIPC } = workload.template;
    const shared = [
      ...(hostPID === true ? ['process namespace (hostPID: true)'] : []),
      ...(hostIPC === true ? ['IPC namespace (hostIPC: true)'] : []),
    ];
    if (shared.length > 0) {
      return fail(`${workloadLabel(workload)} shares the node's ${shared.join(' and ')}`);
    }
    return pass(`${workloadLabel(workload)} shares neither the node's process nor its IPC namespace`);
  },
});
