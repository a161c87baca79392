import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { K8sVolume } from '../../types/kubernetes.js';
import { clipped, exemptNamespace, listed, noContainers, workloadLabel } from './pod-template.js';

/**
 * The volume sources the restricted Pod Security Standard allows (PSA `restrictedVolumes`,
 * check_restrictedVolumes.go; `image` since Kubernetes 1.33, allowed at every policy version).
 */
const RESTRICTED_VOLUME_SOURCES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
  'image',
];

function volumeLabel(volume: K8sVolume): string {
  const name = volume.name.length > 0 ? volume.name : '(unnamed)';
  if (volume.source === 'unknown') return `${name} (no volume source)`;
  const path = volume.hostPath === undefined ? '' : ` ${clipped(volume.hostPath)}`;
  return `${name} (${volume.source}${path})`;
}

/**
 * Every volume of the pod template is of a type the restricted Pod Security Standard allows:
 * configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret or
 * image. Anything else (hostPath, nfs, iscsi, awsElasticBlockStore, gitRepo, flexVolume, …, or a
 * volume with no source at all) fails, named with its type. A pod without volumes passes.
 */
export const k8sWorkloadRestrictedVolumeTypes = defineCheck({
  id: 'k8s-workload-restricted-volume-types',
  title: 'Kubernetes workloads mount only the volume types the restricted standard allows',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    "Volume types other than the restricted standard's (hostPath, nfs, iscsi, flexVolume, gitRepo, in-tree cloud disks) reach the node's file system, a node driver or storage outside the cluster's PersistentVolume controls: a compromised container can read or plant files on the host or in shared storage.",
  remediation: {
    text: 'Replace each volume of another type by a PersistentVolumeClaim (a PersistentVolume carries the storage details), a CSI volume, an emptyDir, or configMap / secret / projected data, and roll the workload out again.',
    cli: 'kubectl patch deployment <name> -n <namespace> --type json -p \'[{"op":"replace","path":"/spec/template/spec/volumes/0","value":{"name":"data","persistentVolumeClaim":{"claimName":"app-data"}}}]\'',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: app-data\n        - name: scratch\n          emptyDir: {}',
    },
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  },
  mappings: { pss: ['restrictedVolumes'] },
  reads: ['template'],
  evaluate(workload, { config }) {
    const skip = exemptNamespace(workload, config) ?? noContainers(workload);
    if (skip) return notApplicable(skip);
    const { volumes } = workload.template;
    const forbidden = volumes.filter((volume) => !RESTRICTED_VOLUME_SOURCES.includes(volume.source));
    if (forbidden.length > 0) {
      return fail(
        `${workloadLabel(workload)} mounts volumes of types the restricted standard forbids: ${listed(forbidden.map(volumeLabel))}`,
      );
    }
    if (volumes.length === 0) return pass(`${workloadLabel(workload)} has no volumes`);
    return pass(
      `${workloadLabel(workload)}: all ${volumes.length} volume(s) are of restricted types (${listed(volumes.map(volumeLabel))})`,
    );
  },
});
