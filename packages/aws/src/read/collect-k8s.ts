import type { Cluster } from '@aws-sdk/client-eks';
import { type K8sWorkload, type K8sWorkloadKind, type Resource, safeText } from '@customs/core';
import {
  normaliseK8sCluster,
  normaliseK8sNamespace,
  unreadableK8sCluster,
} from '../normalise/k8s-cluster.js';
import { podsByWorkload } from '../normalise/k8s-owners.js';
import { type K8sClusterRef, normaliseK8sWorkload, serviceAccountsOf } from '../normalise/k8s-workload.js';
import { isUnreadable, type Known, unreadable } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import { parseArn } from '../normalise/wire.js';
import type { ReadContext } from './context.js';
import { k8sDeployedImages } from './deployed-images-of.js';
import { tagMutability } from './read-ecs-revisions.js';
import { describeCluster, listClusters } from './read-eks.js';
import {
  K8S_LIST_OPERATIONS,
  type K8sItems,
  type K8sListOperation,
  type K8sTarget,
  listAll,
  readVersion,
  targetOf,
} from './read-k8s.js';

/** The list of each workload kind. */
export const WORKLOAD_LISTS = {
  Deployment: 'ListDeployments',
  StatefulSet: 'ListStatefulSets',
  DaemonSet: 'ListDaemonSets',
  Job: 'ListJobs',
  CronJob: 'ListCronJobs',
  Pod: 'ListPods',
} as const satisfies Record<K8sWorkloadKind, K8sListOperation>;

const KINDS = Object.keys(WORKLOAD_LISTS) as K8sWorkloadKind[];

/** What to do when a snapshot lacks a cluster's Kubernetes files. */
const RECORD_HINT = 'record the cluster with `kubectl get … -o json` (docs/snapshot.md, "Kubernetes")';

/** The cluster a Kubernetes resource is in, from its DescribeCluster. */
export function clusterRefOf(context: ReadContext, cluster: Wire<Cluster>): K8sClusterRef {
  const name = cluster.name ?? '';
  const arn = cluster.arn ?? `arn:aws:eks:${context.scope.region}:${context.scope.accountId}:cluster/${name}`;
  const parts = parseArn(arn);
  return {
    clusterName: name,
    clusterArn: arn,
    accountId: parts?.accountId || context.scope.accountId,
    region: parts?.region || context.scope.region,
  };
}

/** Why the API is unreadable, with what to do (a snapshot's missing file gets the hint). */
function apiReason(version: Known<string>): string {
  if (isUnreadable(version)) {
    return 'notRecorded' in version ? `${version.unreadable}: ${RECORD_HINT}` : version.unreadable;
  }
  return `GET /version gave nothing: ${RECORD_HINT}`;
}

/** The pods of the workloads (unknown when the pods, or the objects that map them, are). */
function podsOf(lists: Record<K8sListOperation, K8sItems>) {
  const pods = lists.ListPods;
  if (pods === undefined || isUnreadable(pods))
    return { map: undefined, unknown: pods ?? unreadable('no pods') };
  const replicaSets = lists.ListReplicaSets;
  const jobs = lists.ListJobs;
  const map = podsByWorkload(
    pods,
    isUnreadable(replicaSets) ? [] : (replicaSets ?? []),
    isUnreadable(jobs) ? [] : (jobs ?? []),
  );
  return {
    map,
    // a Deployment's pods are known through its ReplicaSets, a CronJob's through its Jobs
    ...(isUnreadable(replicaSets) ? { replicaSetsUnknown: replicaSets } : {}),
    ...(isUnreadable(jobs) ? { jobsUnknown: jobs } : {}),
  };
}

/** Sets each container's ECR tag mutability (this account's and region's ECR only), as for ECS. */
async function withTagMutability(context: ReadContext, workloads: K8sWorkload[], sweep: boolean) {
  const images = [
    ...new Set(workloads.flatMap((w) => w.template.containers.flatMap((c) => (c.image ? [c.image] : [])))),
  ];
  const ecr = await tagMutability(context, images, sweep);
  for (const workload of workloads) {
    for (const container of workload.template.containers) {
      const mutability = container.image === undefined ? undefined : ecr.mutability.get(container.image);
      if (mutability !== undefined) container.ecrTagMutability = mutability;
    }
    if (ecr.unknown) workload.unreadable = { ...workload.unreadable, ecrTagMutability: ecr.unknown };
  }
}

/** The workloads of the lists read; unknown kinds make the cluster's workloads incomplete. */
export async function workloadsOf(
  context: ReadContext,
  cluster: K8sClusterRef,
  lists: Record<K8sListOperation, K8sItems>,
  sweep: boolean,
): Promise<{ workloads: K8sWorkload[]; unknown: string[] }> {
  const pods = podsOf(lists);
  const accounts = lists.ListServiceAccounts;
  const serviceAccounts = isUnreadable(accounts)
    ? accounts
    : serviceAccountsOf(accounts ?? [], (message) => context.session.warn(message));
  const workloads: K8sWorkload[] = [];
  const unknown: string[] = [];
  for (const kind of KINDS) {
    const listed = lists[WORKLOAD_LISTS[kind]];
    if (isUnreadable(listed)) {
      unknown.push(`${kind}s: ${listed.unreadable}`);
      continue;
    }
    const podsUnknown =
      pods.unknown ??
      (kind === 'Deployment' ? pods.replicaSetsUnknown : kind === 'CronJob' ? pods.jobsUnknown : undefined);
    for (const item of listed ?? []) {
      const key = (name: string, namespace: string) => `${namespace}/${kind}/${name}`;
      const meta = item.metadata as { name?: unknown; namespace?: unknown } | undefined;
      const own =
        typeof meta?.name === 'string' && typeof meta.namespace === 'string'
          ? pods.map?.get(key(meta.name, meta.namespace))
          : undefined;
      const read = normaliseK8sWorkload({
        cluster,
        kind,
        item,
        pods: podsUnknown ?? own ?? { running: 0, imageIds: new Map() },
        serviceAccounts,
      });
      if ('skipped' in read) {
        if (!read.skipped.endsWith('owned by a controller') && !read.skipped.endsWith('run by a CronJob'))
          context.session.warn(`k8s cluster ${safeText(cluster.clusterName)}: ${read.skipped}: skipped`);
        continue;
      }
      if (read.warning) context.session.warn(read.warning);
      workloads.push(read.workload);
    }
  }
  await withTagMutability(context, workloads, sweep);
  await k8sDeployedImages(context, workloads);
  return { workloads, unknown };
}

/** Every list of a cluster, read concurrently (each one call: the client merges its pages). */
async function readLists(
  context: ReadContext,
  target: K8sTarget,
): Promise<Record<K8sListOperation, K8sItems>> {
  const operations = K8S_LIST_OPERATIONS;
  const read = await Promise.all(operations.map((operation) => listAll(context, target, operation)));
  return Object.fromEntries(operations.map((operation, index) => [operation, read[index]])) as Record<
    K8sListOperation,
    K8sItems
  >;
}

/**
 * One EKS cluster's Kubernetes API, from its DescribeCluster (the EKS readers' read, cached by
 * the session): `GET /version` first; when it cannot be read (any KubernetesApiError, a missing
 * snapshot file), only the k8s-cluster, with `unreadable.api` saying why and what to do, and the
 * cluster's namespaces and workloads recorded as incomplete (their findings stay). Else every
 * list, and the k8s-cluster (RBAC, version, counts), its namespaces and its workloads; a list
 * that cannot be read makes its resources incomplete, or its properties unreadable.
 * @example const resources = await collectK8sCluster(context, cluster, true);
 */
export async function collectK8sCluster(
  context: ReadContext,
  cluster: Wire<Cluster>,
  sweep: boolean,
): Promise<Resource[]> {
  const ref = clusterRefOf(context, cluster);
  const target = targetOf(cluster, ref.region);
  const version = await readVersion(context, target);
  const prefix = `${ref.clusterArn}/`;
  if (version === undefined || isUnreadable(version)) {
    const reason = apiReason(version);
    context.incomplete.push({ resourceTypes: ['k8s-namespace', 'k8s-workload'], idPrefix: prefix, reason });
    return [unreadableK8sCluster(ref, target.endpoint, reason)];
  }
  const lists = await readLists(context, target);
  const namespaces = lists.ListNamespaces;
  if (isUnreadable(namespaces))
    context.incomplete.push({
      resourceTypes: ['k8s-namespace'],
      idPrefix: prefix,
      reason: namespaces.unreadable,
    });
  const readNamespaces = (isUnreadable(namespaces) ? [] : (namespaces ?? [])).flatMap((item) => {
    const read = normaliseK8sNamespace(ref, item);
    if ('skipped' in read) {
      context.session.warn(`k8s cluster ${safeText(ref.clusterName)}: ${read.skipped}: skipped`);
      return [];
    }
    if (read.warning) context.session.warn(read.warning);
    return [read.namespace];
  });
  const { workloads, unknown } = await workloadsOf(context, ref, lists, sweep);
  if (unknown.length > 0)
    context.incomplete.push({
      resourceTypes: ['k8s-workload'],
      idPrefix: prefix,
      reason: unknown.join('; '),
    });
  const counted = isUnreadable(namespaces)
    ? namespaces
    : unknown.length > 0
      ? unreadable(unknown.join('; '))
      : { namespaces: readNamespaces.length, workloads: workloads.length };
  const k8sCluster = normaliseK8sCluster({
    cluster: ref,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(version ? { gitVersion: version } : {}),
    clusterRoleBindings: lists.ListClusterRoleBindings,
    roleBindings: lists.ListRoleBindings,
    clusterRoles: lists.ListClusterRoles,
    roles: lists.ListRoles,
    counts: counted,
  });
  return [k8sCluster, ...readNamespaces, ...workloads];
}

/** The k8s types, which a read that cannot list the clusters knows nothing of. */
const K8S_TYPES = ['k8s-cluster', 'k8s-namespace', 'k8s-workload'] as const;

/**
 * The Kubernetes API of every EKS cluster of the region (or of a slice of them, sorted by name:
 * a unit of a split sweep), each from the EKS readers' ListClusters and DescribeCluster (the
 * same session's calls: made once). A cluster that cannot be described gives its k8s-cluster
 * with every property unreadable; clusters that cannot be listed make every k8s type incomplete.
 * @example const resources = await collectK8s(context);
 */
export async function collectK8s(
  context: ReadContext,
  slice?: { start: number; count: number },
): Promise<Resource[]> {
  const names = await listClusters(context);
  if (isUnreadable(names)) {
    context.incomplete.push({ resourceTypes: [...K8S_TYPES], idPrefix: '', reason: names.unreadable });
    return [];
  }
  const all = names ?? [];
  const chosen = slice ? [...all].sort().slice(slice.start, slice.start + slice.count) : all;
  const perCluster = await Promise.all(
    chosen.map(async function kubernetesOf(name) {
      const cluster = await describeCluster(context, name);
      if (cluster === undefined) return [];
      if (isUnreadable(cluster)) {
        const ref = clusterRefOf(context, { name });
        context.incomplete.push({
          resourceTypes: ['k8s-namespace', 'k8s-workload'],
          idPrefix: `${ref.clusterArn}/`,
          reason: cluster.unreadable,
        });
        return [unreadableK8sCluster(ref, undefined, cluster.unreadable)];
      }
      return collectK8sCluster(context, cluster, true);
    }),
  );
  return perCluster.flat();
}
