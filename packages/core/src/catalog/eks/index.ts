import type { AnyCheck } from '../../check/define-check.js';
import { eksAccessEntryClusterAdminRestricted } from './eks-access-entry-cluster-admin-restricted.js';
import { eksClusterAccessEntriesEnabled } from './eks-cluster-access-entries-enabled.js';
import { eksClusterAllControlPlaneLogs } from './eks-cluster-all-control-plane-logs.js';
import { eksClusterAuditLogging } from './eks-cluster-audit-logging.js';
import { eksClusterDeletionProtection } from './eks-cluster-deletion-protection.js';
import { eksClusterEndpointNotPublic } from './eks-cluster-endpoint-not-public.js';
import { eksClusterEndpointPrivateAccess } from './eks-cluster-endpoint-private-access.js';
import { eksClusterFargateIsolation } from './eks-cluster-fargate-isolation.js';
import { eksClusterNoBootstrapAdmin } from './eks-cluster-no-bootstrap-admin.js';
import { eksClusterSecretsEncrypted } from './eks-cluster-secrets-encrypted.js';
import { eksClusterSecurityContextsSegregated } from './eks-cluster-security-contexts-segregated.js';
import { eksClusterSecurityGroupRestricted } from './eks-cluster-security-group-restricted.js';
import { eksClusterSupportedVersion } from './eks-cluster-supported-version.js';
import { eksNodegroupContainerOptimizedOs } from './eks-nodegroup-container-optimized-os.js';
import { eksNodegroupImdsv2Required } from './eks-nodegroup-imdsv2-required.js';
import { eksNodegroupNoRemoteAccess } from './eks-nodegroup-no-remote-access.js';
import { eksNodegroupPrivateSubnets } from './eks-nodegroup-private-subnets.js';
import { eksNodegroupSecurityContextLabel } from './eks-nodegroup-security-context-label.js';

/** The EKS checks (clusters, nodegroups, access entries), in CHECKS.md order. */
export const EKS_CHECKS: AnyCheck[] = [
  // CSA-1: isolation capabilities and configuration
  eksClusterSupportedVersion,
  eksNodegroupImdsv2Required,
  eksNodegroupContainerOptimizedOs,
  eksClusterFargateIsolation,
  // CSA-2: one security context per host group
  eksNodegroupSecurityContextLabel,
  eksClusterSecurityContextsSegregated,
  eksNodegroupNoRemoteAccess,
  eksNodegroupPrivateSubnets,
  // CSA-4: orchestration, management and scheduler
  eksClusterEndpointNotPublic,
  eksClusterEndpointPrivateAccess,
  eksClusterSecretsEncrypted,
  eksClusterAuditLogging,
  eksClusterAllControlPlaneLogs,
  eksClusterDeletionProtection,
  eksClusterSecurityGroupRestricted,
  // CSA-5: RBAC and strong authentication
  eksClusterAccessEntriesEnabled,
  eksClusterNoBootstrapAdmin,
  eksAccessEntryClusterAdminRestricted,
];
