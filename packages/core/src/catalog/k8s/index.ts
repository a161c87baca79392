import type { AnyCheck } from '../../check/define-check.js';
import { FRESH, IN_ECR, SCANNED, SIGNED } from '../deployed/index.js';
import { k8sClusterAdminBindingsRestricted } from './k8s-cluster-admin-bindings-restricted.js';
import { k8sClusterApiReadable } from './k8s-cluster-api-readable.js';
import { k8sNamespacePodSecurityEnforced } from './k8s-namespace-pod-security-enforced.js';
import { k8sWorkloadApparmorNotUnconfined } from './k8s-workload-apparmor-not-unconfined.js';
import { k8sWorkloadApprovedRegistry } from './k8s-workload-approved-registry.js';
import { k8sWorkloadCapabilitiesBaseline } from './k8s-workload-capabilities-baseline.js';
import { k8sWorkloadCapabilitiesDropAll } from './k8s-workload-capabilities-drop-all.js';
import { k8sWorkloadImagesPinned } from './k8s-workload-images-pinned.js';
import { k8sWorkloadNoHostNetwork } from './k8s-workload-no-host-network.js';
import { k8sWorkloadNoHostPath } from './k8s-workload-no-host-path.js';
import { k8sWorkloadNoHostPidIpc } from './k8s-workload-no-host-pid-ipc.js';
import { k8sWorkloadNoHostPorts } from './k8s-workload-no-host-ports.js';
import { k8sWorkloadNoHostProbes } from './k8s-workload-no-host-probes.js';
import { k8sWorkloadNoPrivilegeEscalation } from './k8s-workload-no-privilege-escalation.js';
import { k8sWorkloadNoPrivileged } from './k8s-workload-no-privileged.js';
import { k8sWorkloadNoRootUser } from './k8s-workload-no-root-user.js';
import { k8sWorkloadNoSecretEnv } from './k8s-workload-no-secret-env.js';
import { k8sWorkloadNoWindowsHostProcess } from './k8s-workload-no-windows-host-process.js';
import { k8sWorkloadProcMountDefault } from './k8s-workload-proc-mount-default.js';
import { k8sWorkloadReadOnlyRootFilesystem } from './k8s-workload-read-only-root-filesystem.js';
import { k8sWorkloadRestrictedVolumeTypes } from './k8s-workload-restricted-volume-types.js';
import { k8sWorkloadRunAsNonRoot } from './k8s-workload-run-as-non-root.js';
import { k8sWorkloadSafeSysctls } from './k8s-workload-safe-sysctls.js';
import { k8sWorkloadSeccompNotUnconfined } from './k8s-workload-seccomp-not-unconfined.js';
import { k8sWorkloadSeccompRestricted } from './k8s-workload-seccomp-restricted.js';
import { k8sWorkloadSecurityContextPlacement } from './k8s-workload-security-context-placement.js';
import { k8sWorkloadSelinuxRestricted } from './k8s-workload-selinux-restricted.js';
import { k8sWorkloadServiceAccountToken } from './k8s-workload-service-account-token.js';

/** The Kubernetes workload, namespace and cluster RBAC checks of CHECKS.md, in its order. */
export const K8S_CHECKS: AnyCheck[] = [
  // Pod Security Standards baseline
  k8sWorkloadNoPrivileged,
  k8sWorkloadNoHostNetwork,
  k8sWorkloadNoHostPidIpc,
  k8sWorkloadNoHostPath,
  k8sWorkloadNoHostPorts,
  k8sWorkloadCapabilitiesBaseline,
  k8sWorkloadNoWindowsHostProcess,
  k8sWorkloadNoHostProbes,
  k8sWorkloadApparmorNotUnconfined,
  k8sWorkloadSelinuxRestricted,
  k8sWorkloadProcMountDefault,
  k8sWorkloadSeccompNotUnconfined,
  k8sWorkloadSafeSysctls,
  // Pod Security Standards restricted, and the images
  k8sWorkloadRestrictedVolumeTypes,
  k8sWorkloadNoPrivilegeEscalation,
  k8sWorkloadRunAsNonRoot,
  k8sWorkloadNoRootUser,
  k8sWorkloadSeccompRestricted,
  k8sWorkloadCapabilitiesDropAll,
  k8sWorkloadReadOnlyRootFilesystem,
  k8sWorkloadApprovedRegistry,
  k8sWorkloadImagesPinned,
  SCANNED.k8s,
  SIGNED.k8s,
  FRESH.k8s,
  IN_ECR.k8s,
  // Namespaces, RBAC, service accounts and placement
  k8sWorkloadServiceAccountToken,
  k8sWorkloadSecurityContextPlacement,
  k8sNamespacePodSecurityEnforced,
  k8sClusterAdminBindingsRestricted,
  k8sClusterApiReadable,
  k8sWorkloadNoSecretEnv,
];
