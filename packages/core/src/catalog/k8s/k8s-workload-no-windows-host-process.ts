import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerLabel, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

export const k8sWorkloadNoWindowsHostProcess = defineCheck({
  id: 'k8s-workload-no-windows-host-process',
  title: 'Kubernetes workloads run no Windows HostProcess container',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    "A Windows HostProcess container (`windowsOptions.hostProcess: true`) runs as a process of the Windows node itself, with the node's network, file system and, by default, a SYSTEM-level account: nothing isolates it from the node or the other pods on it. Pod Security Standards baseline forbids it at the pod and the container level.",
  remediation: {
    text: "Remove `windowsOptions.hostProcess: true` from the pod's and each container's `securityContext` (or set it to false); a node agent that needs host access belongs in an exempt namespace (podSecurityExemptNamespaces).",
    cli: 'kubectl apply -f workload.yaml',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      securityContext:\n        windowsOptions:\n          hostProcess: false',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: {
    prowler: ['core_minimize_admission_windows_hostprocess_containers'],
    pss: ['windowsHostProcess'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { containers, securityContext } = workload.template;
    const setters = [
      ...(securityContext?.windowsHostProcess === true ? ['the pod'] : []),
      ...containers
        .filter((container) => container.securityContext?.windowsHostProcess === true)
        .map(containerLabel),
    ];
    if (setters.length > 0) {
      return fail(
        `${workloadLabel(workload)} runs as Windows HostProcess: ${listed(setters)} (securityContext.windowsOptions.hostProcess: true)`,
      );
    }
    return pass(
      `${workloadLabel(workload)}: neither the pod nor any of its ${containers.length} container(s) is a Windows HostProcess`,
    );
  },
});
