import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sVolume } from '../../types/kubernetes.js';
import { clipped, listed, podSecurityNotApplicable, workloadLabel } from './pod-template.js';

/** Is the path the node's root directory (`/`, or only slashes: `//`)? */
function isRoot(path: string): boolean {
  const trimmed = path.trim();
  return trimmed.length > 0 && [...trimmed].every((character) => character === '/');
}

/** `logs (/var/log)`, `root (/: the host's root file system)`. */
function described(volume: K8sVolume): string {
  const name = volume.name.length > 0 ? clipped(volume.name) : '(unnamed volume)';
  const path = volume.hostPath;
  if (path === undefined || path.trim() === '') return `${name} (no path)`;
  return isRoot(path)
    ? `${name} (${clipped(path)}: the host's root file system)`
    : `${name} (${clipped(path)})`;
}

export const k8sWorkloadNoHostPath = defineCheck({
  id: 'k8s-workload-no-host-path',
  title: "Kubernetes workloads mount no path of the node's file system",
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    "A hostPath volume hands the pod a directory of the EC2 node: the container runtime's socket, the kubelet's credentials, /etc or the logs of every other pod can be read or rewritten from inside, which is root on the node. A hostPath of `/` is the host's root file system — the CSA's example of a container escape — and the message says so; the check keeps one severity (high) for every path, as Pod Security Standards baseline forbids them all alike.",
  remediation: {
    text: 'Replace each `hostPath` volume of the pod template with an `emptyDir`, a `configMap`/`secret`, or a `persistentVolumeClaim` (EBS or EFS through their CSI drivers); a node agent that must read the node belongs in an exempt namespace (podSecurityExemptNamespaces).',
    cli: 'kubectl apply -f workload.yaml',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  mappings: {
    prowler: ['core_minimize_hostpath_volume_mounts'],
    kubescape: ['C-0048'],
    pss: ['hostPathVolumes'],
  },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skipped = podSecurityNotApplicable(workload, config);
    if (skipped) return notApplicable(skipped);
    const { volumes } = workload.template;
    const hostPaths = volumes.filter(
      (volume) => volume.source === 'hostPath' || volume.hostPath !== undefined,
    );
    if (hostPaths.length > 0) {
      return fail(`${workloadLabel(workload)} mounts host paths: ${listed(hostPaths.map(described))}`);
    }
    if (volumes.length === 0) return pass(`${workloadLabel(workload)} has no volumes`);
    return pass(`${workloadLabel(workload)}: none of its ${volumes.length} volume(s) is a hostPath`);
  },
});
