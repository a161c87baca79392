import { type K8sWorkload, type K8sWorkloadKind, safeText } from '@customs/core';
import { Fields, isJsonObject, type Json, metadataOf } from './k8s-fields.js';
import { isCronJobRun, isOwned, type PodsOfWorkload, workloadKey } from './k8s-owners.js';
import { normalisePodTemplate } from './k8s-pod-template.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';

/** The EKS cluster a Kubernetes object is in. */
export interface K8sClusterRef {
  clusterName: string;
  clusterArn: string;
  accountId: string;
  region: string;
}

/** A ServiceAccount as the workloads need it: found, and its `automountServiceAccountToken`. */
export type ServiceAccounts = Known<ReadonlyMap<string, { automountServiceAccountToken?: boolean }>>;

/** The objects of one cluster a workload is normalised from. */
export interface WorkloadInput {
  cluster: K8sClusterRef;
  kind: K8sWorkloadKind;
  /** The controller or bare pod as the API gives it. */
  item: unknown;
  /** Its pods (see `podsByWorkload`); unreadable when the pods could not be listed. */
  pods: Known<PodsOfWorkload>;
  serviceAccounts: ServiceAccounts;
}

/** A normalised workload, or why the item was skipped (naming it). */
export type WorkloadRead = { workload: K8sWorkload; warning?: string } | { skipped: string };

/** Where each kind keeps its pod template. */
function templateOf(kind: K8sWorkloadKind, item: Json): { metadata: unknown; spec: unknown; path: string } {
  const spec = isJsonObject(item.spec) ? item.spec : undefined;
  switch (kind) {
    case 'Pod':
      return { metadata: item.metadata, spec: item.spec, path: 'pod' };
    case 'CronJob': {
      const jobTemplate = isJsonObject(spec?.jobTemplate) ? spec.jobTemplate : undefined;
      const jobSpec = isJsonObject(jobTemplate?.spec) ? jobTemplate.spec : undefined;
      const template = isJsonObject(jobSpec?.template) ? jobSpec.template : undefined;
      return { metadata: template?.metadata, spec: template?.spec, path: 'spec.jobTemplate.spec.template' };
    }
    default: {
      const template = isJsonObject(spec?.template) ? spec.template : undefined;
      return { metadata: template?.metadata, spec: template?.spec, path: 'spec.template' };
    }
  }
}

/**
 * One controller (Deployment, StatefulSet, DaemonSet, Job, CronJob) or bare pod in the core
 * model: its pod template (see normalisePodTemplate), its ServiceAccount (`serviceAccountName`,
 * else `default`; found or not in the namespace, with its automount), its Running pods and their
 * containers' image ids. Skipped (with why) when it has no name or namespace, when it is a pod
 * with an owner or a Job a CronJob runs (assessed as their controllers); a malformed field makes
 * the property that holds it unreadable, naming the field. Never throws.
 * @example const read = normaliseK8sWorkload({ cluster, kind: 'Deployment', item, pods, serviceAccounts });
 */
export function normaliseK8sWorkload(input: WorkloadInput): WorkloadRead {
  const { cluster, kind, item, pods } = input;
  const { name, namespace, metadata } = metadataOf(item);
  if (!isJsonObject(item) || !name || !namespace)
    return { skipped: `a ${kind} without a metadata.name and metadata.namespace` };
  const label = safeText(`${cluster.clusterName}/${namespace}/${kind}/${name}`);
  if (kind === 'Pod' && isOwned(item)) return { skipped: `${label}: owned by a controller` };
  if (kind === 'Job' && isCronJobRun(item)) return { skipped: `${label}: run by a CronJob` };
  const unreadable = new UnreadableProperties();
  const running = isUnreadable(pods) || pods === undefined ? new Map() : pods.imageIds;
  const place = templateOf(kind, item);
  const { template, problem } = normalisePodTemplate(place.metadata, place.spec, place.path, running);
  if (problem) unreadable.add('template', `malformed ${kind}: ${problem}`);
  const fields = new Fields();
  const labels = fields.stringMap(metadata, 'labels', 'metadata');
  if (!fields.ok) unreadable.add('labels', `malformed ${kind}: ${fields.reason}`);
  if (isUnreadable(pods)) unreadable.add('runningPods', pods.unreadable);
  // unset or empty: the namespace's `default` account, as the API server assigns it
  const account = template.serviceAccountName || 'default';
  const { serviceAccounts } = input;
  if (isUnreadable(serviceAccounts)) unreadable.add('serviceAccount', serviceAccounts.unreadable);
  const found = isUnreadable(serviceAccounts) ? undefined : serviceAccounts?.get(`${namespace}/${account}`);
  const workload: K8sWorkload = {
    type: 'k8s-workload',
    id: `${cluster.clusterArn}/${workloadKey(namespace, kind, name)}`,
    name: `${cluster.clusterName}/${workloadKey(namespace, kind, name)}`,
    accountId: cluster.accountId,
    region: cluster.region,
    clusterName: cluster.clusterName,
    clusterArn: cluster.clusterArn,
    namespace,
    kind,
    workloadName: name,
    labels,
    template,
    serviceAccount: {
      name: account,
      found: found !== undefined,
      ...(found?.automountServiceAccountToken === undefined
        ? {}
        : { automountServiceAccountToken: found.automountServiceAccountToken }),
    },
    runningPods: isUnreadable(pods) ? 0 : (pods?.running ?? 0),
    ...withUnreadable(unreadable),
  };
  const reasons = unreadable.record;
  const malformed = reasons?.template ?? reasons?.labels;
  return malformed ? { workload, warning: `k8s workload ${label}: ${malformed}` } : { workload };
}

/**
 * The ServiceAccounts of a cluster by `<namespace>/<name>`, with `automountServiceAccountToken`
 * when it is a boolean (another type: unset, with a warning).
 * @example serviceAccountsOf(items, warn).get('default/default') // {}
 */
export function serviceAccountsOf(
  items: readonly unknown[],
  warn: (message: string) => void,
): Map<string, { automountServiceAccountToken?: boolean }> {
  const accounts = new Map<string, { automountServiceAccountToken?: boolean }>();
  for (const item of items) {
    const { name, namespace } = metadataOf(item);
    if (!name || !namespace || !isJsonObject(item)) continue;
    const automount = item.automountServiceAccountToken;
    if (automount !== undefined && automount !== null && typeof automount !== 'boolean')
      warn(
        `k8s service account ${safeText(`${namespace}/${name}`)}: automountServiceAccountToken is not a boolean`,
      );
    accounts.set(
      `${namespace}/${name}`,
      typeof automount === 'boolean' ? { automountServiceAccountToken: automount } : {},
    );
  }
  return accounts;
}
