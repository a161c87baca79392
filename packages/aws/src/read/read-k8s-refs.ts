import type { K8sWorkloadKind } from '@customs/core';
import { normaliseK8sNamespace } from '../normalise/k8s-cluster.js';
import { isUnreadable } from '../normalise/unreadable.js';
import { clusterRefOf, collectK8sCluster, WORKLOAD_LISTS, workloadsOf } from './collect-k8s.js';
import type { ReadContext } from './context.js';
import { describeCluster } from './read-eks.js';
import {
  getOne,
  K8S_LIST_OPERATIONS,
  type K8sItems,
  type K8sListOperation,
  listInNamespace,
  targetOf,
} from './read-k8s.js';
import { found, MISSING, type RefOutcome } from './ref-outcome.js';

/** The most characters of a Kubernetes name (a DNS subdomain). */
const MAX_NAME = 253;

/**
 * Is this a Kubernetes object name (RFC 1123: lower-case letters, digits, `-` and `.`, starting
 * and ending with a letter or digit, no empty label)? Checked character by character, so a
 * hostile ref's name never reaches a request path as `..` or `/`.
 * @example isKubernetesName('nginx-deployment') // true
 */
export function isKubernetesName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME || name.includes('..')) return false;
  for (let index = 0; index < name.length; index++) {
    const char = name.charCodeAt(index);
    const alnum = (char >= 97 && char <= 122) || (char >= 48 && char <= 57);
    const edge = index === 0 || index === name.length - 1;
    if (!alnum && (edge || (char !== 45 && char !== 46))) return false;
  }
  return true;
}

const KINDS = new Set<string>(Object.keys(WORKLOAD_LISTS));

/** `<namespace>/<Kind>/<name>` split; undefined when it is not one. */
export function parseWorkloadRef(
  name: string,
): { namespace: string; kind: K8sWorkloadKind; name: string } | undefined {
  const parts = name.split('/');
  if (parts.length !== 3) return undefined;
  const [namespace = '', kind = '', objectName = ''] = parts;
  if (!KINDS.has(kind) || !isKubernetesName(namespace) || !isKubernetesName(objectName)) return undefined;
  return { namespace, kind: kind as K8sWorkloadKind, name: objectName };
}

/** The cluster of a k8s ref: described (else missing: the cluster is gone), or why it is unknown. */
async function clusterOf(context: ReadContext, clusterName: string) {
  const cluster = await describeCluster(context, clusterName);
  if (cluster === undefined) return { outcome: MISSING };
  if (isUnreadable(cluster)) return { outcome: { skipped: cluster.unreadable } };
  return { cluster, ref: clusterRefOf(context, cluster), target: targetOf(cluster, context.scope.region) };
}

/**
 * A k8s-cluster ref (an RBAC change): the cluster's API read as the sweep reads it (version,
 * RBAC, and the lists its counts need), only the k8s-cluster kept; a cluster that is gone is
 * missing. Its namespaces' and workloads' findings resolve with the next sweep.
 */
export async function readK8sClusterRef(context: ReadContext, clusterName: string): Promise<RefOutcome> {
  const read = await clusterOf(context, clusterName);
  if (!read.cluster) return read.outcome;
  const resources = await collectK8sCluster(context, read.cluster, false);
  return found(resources.filter((resource) => resource.type === 'k8s-cluster'));
}

/** A k8s-namespace ref: the namespace (live `GET /api/v1/namespaces/<name>`), or missing. */
export async function readK8sNamespaceRef(
  context: ReadContext,
  clusterName: string,
  namespace: string,
): Promise<RefOutcome> {
  if (!isKubernetesName(namespace))
    return { skipped: `${JSON.stringify(namespace.slice(0, 80))} is not a namespace name` };
  const read = await clusterOf(context, clusterName);
  if (!read.cluster) return read.outcome;
  const items = await getOne(context, read.target, 'ListNamespaces', undefined, namespace);
  if (isUnreadable(items)) return { skipped: items.unreadable };
  const [item] = items ?? [];
  if (item === undefined) return MISSING;
  const normalised = normaliseK8sNamespace(read.ref, item);
  if ('skipped' in normalised) return { skipped: normalised.skipped };
  if (normalised.warning) context.session.warn(normalised.warning);
  return found([normalised.namespace]);
}

/**
 * A k8s-workload ref (`<namespace>/<Kind>/<name>`): the object (live a `get`), its namespace's
 * pods (and ReplicaSets for a Deployment, Jobs for a CronJob) and its ServiceAccount; an object
 * that is gone (or a pod that has an owner: not a workload of its own) is missing. A
 * `<namespace>/ServiceAccount/<name>` ref gives the workloads that run as that ServiceAccount.
 */
export async function readK8sWorkloadRef(
  context: ReadContext,
  clusterName: string,
  refName: string,
): Promise<RefOutcome> {
  const account = parseServiceAccountRef(refName);
  if (account) return readServiceAccountWorkloads(context, clusterName, account);
  const parsed = parseWorkloadRef(refName);
  if (!parsed)
    return { skipped: `${JSON.stringify(refName.slice(0, 120))} is not <namespace>/<Kind>/<name>` };
  const read = await clusterOf(context, clusterName);
  if (!read.cluster) return read.outcome;
  const { target } = read;
  const { namespace, kind, name } = parsed;
  const object = await getOne(context, target, WORKLOAD_LISTS[kind], namespace, name);
  if (isUnreadable(object)) return { skipped: object.unreadable };
  if ((object ?? []).length === 0) return MISSING;
  const inNamespace = (operation: K8sListOperation) => listInNamespace(context, target, operation, namespace);
  const none: K8sItems = [];
  const [pods, replicaSets, jobs] = await Promise.all([
    kind === 'Pod' ? none : inNamespace('ListPods'),
    kind === 'Deployment' ? inNamespace('ListReplicaSets') : none,
    kind === 'CronJob' ? inNamespace('ListJobs') : none,
  ]);
  const lists = emptyLists();
  lists[WORKLOAD_LISTS[kind]] = object;
  // a bare pod is its own pod; a Job's own list also maps a CronJob's pods
  lists.ListPods = kind === 'Pod' ? object : pods;
  lists.ListReplicaSets = replicaSets;
  if (kind === 'CronJob') lists.ListJobs = jobs;
  const serviceAccount = serviceAccountOf(object ?? [], kind);
  lists.ListServiceAccounts = isKubernetesName(serviceAccount)
    ? await getOne(context, target, 'ListServiceAccounts', namespace, serviceAccount)
    : [];
  const { workloads } = await workloadsOf(context, read.ref, lists, false);
  const workload = workloads.find((entry) => entry.kind === kind && entry.workloadName === name);
  return workload
    ? found([workload])
    : { missing: true, reason: 'is not a workload of its own (owned by a controller, or run by a CronJob)' };
}

/** `<namespace>/ServiceAccount/<name>` split (an audit event's ServiceAccount change); undefined when it is not one. */
function parseServiceAccountRef(name: string): { namespace: string; name: string } | undefined {
  const parts = name.split('/');
  if (parts.length !== 3 || parts[1] !== 'ServiceAccount') return undefined;
  const [namespace = '', , account = ''] = parts;
  return isKubernetesName(namespace) && isKubernetesName(account) ? { namespace, name: account } : undefined;
}

/** The lists a namespace's workloads are read from (each kind, the pods and what maps them, the ServiceAccounts). */
const NAMESPACE_LISTS = [
  ...new Set<K8sListOperation>([
    ...Object.values(WORKLOAD_LISTS),
    'ListReplicaSets',
    'ListJobs',
    'ListServiceAccounts',
  ]),
];

/**
 * A `<namespace>/ServiceAccount/<name>` ref (a ServiceAccount changed): the workloads of the
 * namespace that run as it, read from the namespace's lists as the sweep reads them (live a
 * namespaced list each); none is missing (a ServiceAccount with no workload names nothing to
 * resolve). A list that cannot be read skips the ref, as its workloads cannot all be told.
 */
async function readServiceAccountWorkloads(
  context: ReadContext,
  clusterName: string,
  account: { namespace: string; name: string },
): Promise<RefOutcome> {
  const read = await clusterOf(context, clusterName);
  if (!read.cluster) return read.outcome;
  const { target } = read;
  const listed = await Promise.all(
    NAMESPACE_LISTS.map((operation) => listInNamespace(context, target, operation, account.namespace)),
  );
  const lists = emptyLists();
  NAMESPACE_LISTS.forEach((operation, index) => {
    lists[operation] = listed[index];
  });
  const unknown = listed.find(isUnreadable);
  if (unknown) return { skipped: unknown.unreadable };
  const { workloads } = await workloadsOf(context, read.ref, lists, false);
  return { resources: workloads.filter((workload) => workload.serviceAccount.name === account.name) };
}

function emptyLists(): Record<K8sListOperation, K8sItems> {
  const operations = K8S_LIST_OPERATIONS;
  return Object.fromEntries(operations.map((operation) => [operation, []])) as unknown as Record<
    K8sListOperation,
    K8sItems
  >;
}

/** The ServiceAccount a workload's pods run as (as normalisePodTemplate reads it), `default` when unset. */
function serviceAccountOf(items: readonly Record<string, unknown>[], kind: K8sWorkloadKind): string {
  const [item] = items;
  const spec = item?.spec as Record<string, unknown> | undefined;
  const jobTemplate = spec?.jobTemplate as { spec?: { template?: { spec?: unknown } } } | undefined;
  const podSpec = (
    kind === 'Pod'
      ? spec
      : kind === 'CronJob'
        ? jobTemplate?.spec?.template?.spec
        : (spec?.template as { spec?: unknown } | undefined)?.spec
  ) as { serviceAccountName?: unknown; serviceAccount?: unknown } | undefined;
  const name = podSpec?.serviceAccountName ?? podSpec?.serviceAccount;
  return typeof name === 'string' && name !== '' ? name : 'default';
}
