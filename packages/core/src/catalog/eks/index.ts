import type { AnyCheck } from '../../check/define-check.js';
import { eksClusterDeletionProtection } from './eks-cluster-deletion-protection.js';

/** The EKS checks (clusters, nodegroups, access entries). */
export const EKS_CHECKS: AnyCheck[] = [eksClusterDeletionProtection];
