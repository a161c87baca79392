import type { K8sWorkloadKind } from '@customs/core';

/** What a change of one Kubernetes resource re-assesses. */
export type AuditedResource =
  /** A workload of this kind: `<namespace>/<Kind>/<name>` under its cluster. */
  | { apiGroup: string; refs: 'k8s-workload'; kind: K8sWorkloadKind }
  /** The namespace itself (its Pod Security labels). */
  | { apiGroup: string; refs: 'k8s-namespace' }
  /** The cluster's RBAC (bindings and the roles they bind): the `k8s-cluster`. */
  | { apiGroup: string; refs: 'k8s-cluster' }
  /**
   * A ServiceAccount: the workloads of its namespace that run as it (its
   * `automountServiceAccountToken` is read with each), named `<namespace>/ServiceAccount/<name>`:
   * a k8s-workload ref the reader expands into those workloads.
   */
  | { apiGroup: string; refs: 'k8s-service-account' }
  /** Nothing an event can name: ignored, with the reason. */
  | { apiGroup: string; refs: 'none'; reason: string };

/**
 * The Kubernetes resources whose writes change what a check reads, by `objectRef.resource` (the
 * audit event's plural resource name), each with its API group (`''` is the core group) and what
 * it re-assesses. Those with refs are the subscription filter's resources (audit-filter.ts).
 */
export const AUDITED_RESOURCES: Readonly<Record<string, AuditedResource>> = {
  deployments: { apiGroup: 'apps', refs: 'k8s-workload', kind: 'Deployment' },
  statefulsets: { apiGroup: 'apps', refs: 'k8s-workload', kind: 'StatefulSet' },
  daemonsets: { apiGroup: 'apps', refs: 'k8s-workload', kind: 'DaemonSet' },
  jobs: { apiGroup: 'batch', refs: 'k8s-workload', kind: 'Job' },
  cronjobs: { apiGroup: 'batch', refs: 'k8s-workload', kind: 'CronJob' },
  pods: { apiGroup: '', refs: 'k8s-workload', kind: 'Pod' },
  namespaces: { apiGroup: '', refs: 'k8s-namespace' },
  clusterrolebindings: { apiGroup: 'rbac.authorization.k8s.io', refs: 'k8s-cluster' },
  rolebindings: { apiGroup: 'rbac.authorization.k8s.io', refs: 'k8s-cluster' },
  clusterroles: { apiGroup: 'rbac.authorization.k8s.io', refs: 'k8s-cluster' },
  roles: { apiGroup: 'rbac.authorization.k8s.io', refs: 'k8s-cluster' },
  serviceaccounts: { apiGroup: '', refs: 'k8s-service-account' },
};

/** The verbs that change an object (`get`, `list`, `watch` read; `deletecollection` names none). */
export const CHANGING_VERBS = ['create', 'update', 'patch', 'delete'] as const;

/**
 * The subresource whose writes change a pod's containers: `kubectl debug` adds an ephemeral
 * container through it. Other subresources (`status`, `scale`, `binding`, `eviction`, `log`) change
 * no pod template.
 */
export const CHANGING_SUBRESOURCES = ['ephemeralcontainers'] as const;

/** The resources the subscription filter passes: those whose change names a ref. */
export const ROUTED_RESOURCES = Object.keys(AUDITED_RESOURCES).filter(
  (resource) => AUDITED_RESOURCES[resource]?.refs !== 'none',
);
