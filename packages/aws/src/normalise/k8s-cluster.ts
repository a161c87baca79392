import {
  type K8sBinding,
  type K8sCluster,
  type K8sNamespace,
  type K8sPolicyRule,
  type K8sRole,
  safeText,
} from '@customs/core';
import type { ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1.js';
import { Fields, type Json, metadataOf } from './k8s-fields.js';
import type { K8sClusterRef } from './k8s-workload.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';

/** The properties of a k8s-cluster read from the API (all unreadable when the API is). */
const API_PROPERTIES = [
  'api',
  'clusterRoleBindings',
  'roleBindings',
  'clusterRoles',
  'roles',
  'counts',
] as const satisfies readonly (keyof K8sCluster)[];

const RULE_LISTS = [
  'apiGroups',
  'resources',
  'verbs',
  'resourceNames',
  'nonResourceURLs',
] as const satisfies readonly (keyof PolicyRule)[];

function base(cluster: K8sClusterRef, endpoint: string | undefined) {
  return {
    type: 'k8s-cluster' as const,
    id: `${cluster.clusterArn}/kubernetes`,
    name: cluster.clusterName,
    accountId: cluster.accountId,
    region: cluster.region,
    clusterName: cluster.clusterName,
    clusterArn: cluster.clusterArn,
    ...(endpoint ? { endpoint } : {}),
  };
}

/**
 * The k8s-cluster of a cluster whose API could not be read: `unreadable.api` (and every other
 * property) says why and what to do, so `k8s-cluster-api-readable` reports ERROR, never PASS.
 * @example unreadableK8sCluster(cluster, endpoint, 'not in the snapshot: k8s/GetVersion/prod.json')
 */
export function unreadableK8sCluster(
  cluster: K8sClusterRef,
  endpoint: string | undefined,
  reason: string,
): K8sCluster {
  return {
    ...base(cluster, endpoint),
    api: {},
    clusterRoleBindings: [],
    roleBindings: [],
    clusterRoles: [],
    roles: [],
    counts: { namespaces: 0, workloads: 0 },
    unreadable: Object.fromEntries(API_PROPERTIES.map((property) => [property, reason])),
  };
}

/** The bindings of a list (roleRef and subjects), or why the list cannot be trusted. */
function bindingsOf(
  items: readonly unknown[],
  namespaced: boolean,
): { bindings: K8sBinding[]; problem?: string } {
  const fields = new Fields();
  const bindings = items.flatMap((item, index): K8sBinding[] => {
    const { name, namespace, metadata } = metadataOf(item);
    const path = `items[${index}]${name ? ` (${name})` : ''}`;
    const binding = item as Json;
    const roleRef = fields.object(binding, 'roleRef' satisfies keyof ClusterRoleBinding, path);
    const roleKind = fields.string(roleRef, 'kind', `${path}.roleRef`);
    const roleName = fields.string(roleRef, 'name', `${path}.roleRef`);
    if (!metadata || !name || !roleKind || !roleName || (namespaced && !namespace)) {
      fields.problem(path, 'expected metadata.name, roleRef.kind and roleRef.name');
      return [];
    }
    return [
      {
        name,
        ...(namespaced && namespace ? { namespace } : {}),
        roleRef: { kind: roleKind, name: roleName },
        subjects: fields.objects(binding, 'subjects', path).flatMap(({ item: subject, path: at }) => {
          const kind = fields.string(subject, 'kind', at);
          const subjectName = fields.string(subject, 'name', at);
          if (!kind || subjectName === undefined) {
            fields.problem(at, 'expected a kind and a name');
            return [];
          }
          const subjectNamespace = fields.string(subject, 'namespace', at);
          return [{ kind, name: subjectName, ...(subjectNamespace ? { namespace: subjectNamespace } : {}) }];
        }),
      },
    ];
  });
  return fields.ok ? { bindings } : { bindings, problem: fields.reason };
}

/** The roles of a list (their rules), or why the list cannot be trusted. */
function rolesOf(items: readonly unknown[], namespaced: boolean): { roles: K8sRole[]; problem?: string } {
  const fields = new Fields();
  const roles = items.flatMap((item, index): K8sRole[] => {
    const { name, namespace } = metadataOf(item);
    const path = `items[${index}]${name ? ` (${name})` : ''}`;
    if (!name || (namespaced && !namespace)) {
      fields.problem(path, 'expected metadata.name');
      return [];
    }
    const rules = fields
      .objects(item as Json, 'rules', path)
      .map(
        ({ item: rule, path: at }) =>
          Object.fromEntries(
            RULE_LISTS.map((key) => [key, fields.strings(rule, key, at)]),
          ) as unknown as K8sPolicyRule,
      );
    return [{ name, ...(namespaced && namespace ? { namespace } : {}), rules }];
  });
  return fields.ok ? { roles } : { roles, problem: fields.reason };
}

/** What a readable cluster's API gave (each list as read, or why it is unknown). */
export interface K8sClusterInput {
  cluster: K8sClusterRef;
  endpoint?: string;
  gitVersion?: string;
  clusterRoleBindings: Known<readonly unknown[]>;
  roleBindings: Known<readonly unknown[]>;
  clusterRoles: Known<readonly unknown[]>;
  roles: Known<readonly unknown[]>;
  counts: Known<{ namespaces: number; workloads: number }>;
}

/**
 * The k8s-cluster of a cluster whose API answered: its version and RBAC (bindings with their
 * subjects, roles with their rules). A list that could not be read, or holds a malformed entry,
 * makes its property unreadable (naming why), so no check passes on part of the RBAC.
 * @example normaliseK8sCluster({ cluster, gitVersion: 'v1.31.4-eks-2d5f260', clusterRoleBindings: items, … })
 */
export function normaliseK8sCluster(input: K8sClusterInput): K8sCluster {
  const unreadable = new UnreadableProperties();
  const list = <T>(
    property: (typeof API_PROPERTIES)[number],
    known: Known<readonly unknown[]>,
    read: (items: readonly unknown[]) => { value: T[]; problem?: string },
  ): T[] => {
    if (isUnreadable(known)) {
      unreadable.add(property, known.unreadable);
      return [];
    }
    const { value, problem } = read(known ?? []);
    if (problem) unreadable.add(property, `malformed: ${safeText(problem)}`);
    return value;
  };
  const binding = (namespaced: boolean) => (items: readonly unknown[]) => {
    const { bindings, problem } = bindingsOf(items, namespaced);
    return { value: bindings, ...(problem ? { problem } : {}) };
  };
  const role = (namespaced: boolean) => (items: readonly unknown[]) => {
    const { roles, problem } = rolesOf(items, namespaced);
    return { value: roles, ...(problem ? { problem } : {}) };
  };
  const cluster: K8sCluster = {
    ...base(input.cluster, input.endpoint),
    api: input.gitVersion === undefined ? {} : { gitVersion: input.gitVersion },
    clusterRoleBindings: list('clusterRoleBindings', input.clusterRoleBindings, binding(false)),
    roleBindings: list('roleBindings', input.roleBindings, binding(true)),
    clusterRoles: list('clusterRoles', input.clusterRoles, role(false)),
    roles: list('roles', input.roles, role(true)),
    counts:
      isUnreadable(input.counts) || input.counts === undefined
        ? { namespaces: 0, workloads: 0 }
        : input.counts,
  };
  if (isUnreadable(input.counts)) unreadable.add('counts', input.counts.unreadable);
  return { ...cluster, ...withUnreadable(unreadable) };
}

/** A namespace of the list, or why it was skipped. */
export type NamespaceRead = { namespace: K8sNamespace; warning?: string } | { skipped: string };

/**
 * A namespace in the core model: its labels (the Pod Security Admission labels among them) and
 * `status.phase`. Malformed labels make `labels` unreadable, naming the field.
 * @example normaliseK8sNamespace(cluster, { metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } })
 */
export function normaliseK8sNamespace(cluster: K8sClusterRef, item: unknown): NamespaceRead {
  const { name, metadata } = metadataOf(item);
  if (!name) return { skipped: 'a namespace without a metadata.name' };
  const fields = new Fields();
  const labels = fields.stringMap(metadata, 'labels', 'metadata');
  const status = fields.object(item as Json, 'status', 'namespace');
  const phase = fields.string(status, 'phase', 'status');
  const namespace: K8sNamespace = {
    type: 'k8s-namespace',
    id: `${cluster.clusterArn}/namespace/${name}`,
    name: `${cluster.clusterName}/${name}`,
    accountId: cluster.accountId,
    region: cluster.region,
    clusterName: cluster.clusterName,
    clusterArn: cluster.clusterArn,
    namespaceName: name,
    labels,
    ...(phase === undefined ? {} : { phase }),
    ...(fields.ok ? {} : { unreadable: { labels: `malformed namespace: ${fields.reason}` } }),
  };
  return fields.ok
    ? { namespace }
    : { namespace, warning: `k8s namespace ${safeText(`${cluster.clusterName}/${name}`)}: ${fields.reason}` };
}
