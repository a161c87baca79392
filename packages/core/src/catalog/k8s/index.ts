import type { AnyCheck } from '../../check/define-check.js';
import { k8sClusterAdminBindingsRestricted } from './k8s-cluster-admin-bindings-restricted.js';
import { k8sClusterApiReadable } from './k8s-cluster-api-readable.js';
import { k8sNamespacePodSecurityEnforced } from './k8s-namespace-pod-security-enforced.js';
import { k8sWorkloadNoSecretEnv } from './k8s-workload-no-secret-env.js';
import { k8sWorkloadSecurityContextPlacement } from './k8s-workload-security-context-placement.js';
import { k8sWorkloadServiceAccountToken } from './k8s-workload-service-account-token.js';

/** The Kubernetes workload, namespace and cluster RBAC checks of CHECKS.md, in its order. */
export const K8S_CHECKS: AnyCheck[] = [
  k8sWorkloadServiceAccountToken,
  k8sWorkloadSecurityContextPlacement,
  k8sNamespacePodSecurityEnforced,
  k8sClusterAdminBindingsRestricted,
  k8sClusterApiReadable,
  k8sWorkloadNoSecretEnv,
];
