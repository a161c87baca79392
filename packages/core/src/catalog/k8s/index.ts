import type { AnyCheck } from '../../check/define-check.js';
import { k8sWorkloadApprovedRegistry } from './k8s-workload-approved-registry.js';
import { k8sWorkloadCapabilitiesDropAll } from './k8s-workload-capabilities-drop-all.js';
import { k8sWorkloadImagesPinned } from './k8s-workload-images-pinned.js';
import { k8sWorkloadNoPrivilegeEscalation } from './k8s-workload-no-privilege-escalation.js';
import { k8sWorkloadNoRootUser } from './k8s-workload-no-root-user.js';
import { k8sWorkloadReadOnlyRootFilesystem } from './k8s-workload-read-only-root-filesystem.js';
import { k8sWorkloadRestrictedVolumeTypes } from './k8s-workload-restricted-volume-types.js';
import { k8sWorkloadRunAsNonRoot } from './k8s-workload-run-as-non-root.js';
import { k8sWorkloadSeccompRestricted } from './k8s-workload-seccomp-restricted.js';

/** The Kubernetes workload, namespace and cluster RBAC checks of CHECKS.md, in its order. */
export const K8S_CHECKS: AnyCheck[] = [
  k8sWorkloadRestrictedVolumeTypes,
  k8sWorkloadNoPrivilegeEscalation,
  k8sWorkloadRunAsNonRoot,
  k8sWorkloadNoRootUser,
  k8sWorkloadSeccompRestricted,
  k8sWorkloadCapabilitiesDropAll,
  k8sWorkloadReadOnlyRootFilesystem,
  k8sWorkloadApprovedRegistry,
  k8sWorkloadImagesPinned,
];
