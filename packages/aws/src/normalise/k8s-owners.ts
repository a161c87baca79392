import type { K8sWorkloadKind } from '@customs/core';
import { isJsonObject, type Json, metadataOf, ownersOf } from './k8s-fields.js';

/** What the pods of one workload show: how many run, and the image ids per container name. */
export interface PodsOfWorkload {
  running: number;
  imageIds: Map<string, Set<string>>;
}

/** A workload's key: `<namespace>/<Kind>/<name>`, as its ref names it. */
export function workloadKey(namespace: string, kind: K8sWorkloadKind, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

/** The controller owner of an object (the `controller: true` reference, else the first). */
function controllerOf(item: unknown): { kind: string; name: string } | undefined {
  const owners = ownersOf(item);
  return owners.find((owner) => owner.controller) ?? owners[0];
}

/** `<namespace>/<name>` of an owned object → its owner's name, when the owner is of `kind`. */
function ownedBy(items: readonly unknown[], kind: string): Map<string, string> {
  const owned = new Map<string, string>();
  for (const item of items) {
    const { name, namespace } = metadataOf(item);
    const owner = controllerOf(item);
    if (name && namespace && owner?.kind === kind) owned.set(`${namespace}/${name}`, owner.name);
  }
  return owned;
}

/** The image ids of a pod's container statuses (regular, init and ephemeral), by container name. */
function statusImageIds(pod: Json): [string, string][] {
  const status = isJsonObject(pod.status) ? pod.status : undefined;
  const out: [string, string][] = [];
  for (const key of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    const statuses = status?.[key];
    if (!Array.isArray(statuses)) continue;
    for (const entry of statuses.slice(0, 1000)) {
      if (
        isJsonObject(entry) &&
        typeof entry.name === 'string' &&
        typeof entry.imageID === 'string' &&
        entry.imageID !== ''
      )
        out.push([entry.name, entry.imageID]);
    }
  }
  return out;
}

/**
 * The workload each pod belongs to, in one pass over the pods (maps keyed by name, no per-pod
 * scan of the workloads): Pod → ReplicaSet → Deployment, Pod → Job → CronJob, Pod →
 * StatefulSet / DaemonSet / Job directly. A Running pod (`status.phase`) counts for its workload
 * and gives its containers' image ids; pods of no known kind are left out.
 * @example podsByWorkload(pods, replicaSets, jobs).get('default/Deployment/nginx-deployment')?.running // 3
 */
export function podsByWorkload(
  pods: readonly unknown[],
  replicaSets: readonly unknown[],
  jobs: readonly unknown[],
): Map<string, PodsOfWorkload> {
  const deploymentOf = ownedBy(replicaSets, 'Deployment');
  const cronJobOf = ownedBy(jobs, 'CronJob');
  const byWorkload = new Map<string, PodsOfWorkload>();
  for (const pod of pods) {
    if (!isJsonObject(pod)) continue;
    const { namespace } = metadataOf(pod);
    const owner = controllerOf(pod);
    if (!namespace || !owner) continue;
    const key = workloadOf(namespace, owner, deploymentOf, cronJobOf);
    if (!key) continue;
    const entry = byWorkload.get(key) ?? { running: 0, imageIds: new Map<string, Set<string>>() };
    byWorkload.set(key, entry);
    const status = isJsonObject(pod.status) ? pod.status : undefined;
    if (status?.phase !== 'Running') continue;
    entry.running += 1;
    for (const [container, imageId] of statusImageIds(pod)) {
      const ids = entry.imageIds.get(container) ?? new Set<string>();
      ids.add(imageId);
      entry.imageIds.set(container, ids);
    }
  }
  return byWorkload;
}

function workloadOf(
  namespace: string,
  owner: { kind: string; name: string },
  deploymentOf: ReadonlyMap<string, string>,
  cronJobOf: ReadonlyMap<string, string>,
): string | undefined {
  switch (owner.kind) {
    case 'ReplicaSet': {
      const deployment = deploymentOf.get(`${namespace}/${owner.name}`);
      return deployment === undefined ? undefined : workloadKey(namespace, 'Deployment', deployment);
    }
    case 'Job': {
      const cronJob = cronJobOf.get(`${namespace}/${owner.name}`);
      return cronJob === undefined
        ? workloadKey(namespace, 'Job', owner.name)
        : workloadKey(namespace, 'CronJob', cronJob);
    }
    case 'StatefulSet':
    case 'DaemonSet':
      return workloadKey(namespace, owner.kind, owner.name);
    default:
      return undefined;
  }
}

/** Is this Job created by a CronJob (so assessed as its CronJob, not on its own)? */
export function isCronJobRun(job: unknown): boolean {
  return controllerOf(job)?.kind === 'CronJob';
}

/** Does the object have an owner (a pod created by a controller is not a workload of its own)? */
export function isOwned(item: unknown): boolean {
  return ownersOf(item).length > 0;
}
