import type { Resource } from '@customs/core';
import type { CollectUnit } from '../collector/collector.js';
import { isUnreadable } from '../normalise/unreadable.js';
import { collectK8s } from './collect-k8s.js';
import type { ReadContext } from './context.js';
import { describeImages, listRepositories, readRegistry, readRepositories } from './read-ecr.js';
import {
  describeCluster,
  describeNodegroup,
  listAccessEntries,
  listClusters,
  listNodegroups,
  readAccessEntry,
  readCluster,
  readNodegroup,
} from './read-eks.js';
import { iamPolicies, iamRoles, readIamAccount, readIamDetails, readIamUsers } from './read-iam.js';
import { readRepositoryImages } from './read-repository-images.js';

/** Drops what was not found (deleted while being read) or not readable. */
function present<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined && !isUnreadable(item));
}

/** The registry, every repository and every image (in repository order, as listed). */
export async function collectEcr(
  context: ReadContext,
  slice?: { start: number; count: number },
): Promise<Resource[]> {
  const listed = await listRepositories(context);
  const all = listed === undefined || isUnreadable(listed) ? [] : listed;
  const repositories = slice ? [...all].sort(byName).slice(slice.start, slice.start + slice.count) : all;
  const [registry, normalised, images] = await Promise.all([
    slice ? undefined : readRegistry(context),
    readRepositories(context, repositories, slice === undefined),
    mapLimited(repositories, REPOSITORIES_IN_FLIGHT, async function imagesOf(repository) {
      const details = await describeImages(context, repository.repositoryName ?? '');
      return details === undefined || isUnreadable(details)
        ? []
        : readRepositoryImages(context, repository, details, true);
    }),
  ]);
  return [...(registry ? [registry] : []), ...normalised, ...images.flat()];
}

/**
 * Repositories whose images are read at once: enough to keep the ECR limiter busy (a repository
 * queues up to two calls per image), few enough that the pending reads and bodies of a large
 * account are not all held at the same time.
 */
const REPOSITORIES_IN_FLIGHT = 16;

/** `items.map(work)` with at most `limit` works running at once, in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function byName(a: { repositoryName?: string }, b: { repositoryName?: string }): number {
  return (a.repositoryName ?? '').localeCompare(b.repositoryName ?? '');
}

/** Every cluster, nodegroup and access entry. */
export async function collectEks(context: ReadContext): Promise<Resource[]> {
  const names = await listClusters(context);
  const perCluster = await Promise.all(
    (names === undefined || isUnreadable(names) ? [] : names).map(async function collectCluster(name) {
      const [cluster, nodegroupNames] = await Promise.all([
        describeCluster(context, name),
        listNodegroups(context, name),
      ]);
      if (cluster === undefined || isUnreadable(cluster))
        return { clusters: [], nodegroups: [], entries: [] };
      const principals = await listAccessEntries(context, cluster);
      const [resource, nodegroups, entries] = await Promise.all([
        readCluster(context, cluster, nodegroupNames),
        Promise.all(
          (nodegroupNames === undefined || isUnreadable(nodegroupNames) ? [] : nodegroupNames).map(
            async function nodegroupOf(nodegroupName) {
              const nodegroup = await describeNodegroup(context, name, nodegroupName);
              return nodegroup === undefined || isUnreadable(nodegroup)
                ? undefined
                : readNodegroup(context, nodegroup);
            },
          ),
        ),
        Promise.all(
          (principals === undefined || isUnreadable(principals) ? [] : principals).map((principal) =>
            readAccessEntry(context, name, principal),
          ),
        ),
      ]);
      return { clusters: [resource], nodegroups: present(nodegroups), entries: present(entries) };
    }),
  );
  return [
    ...perCluster.flatMap((item) => item.clusters),
    ...perCluster.flatMap((item) => item.nodegroups),
    ...perCluster.flatMap((item) => item.entries),
  ];
}

/** Every IAM user, role and policy, and the account's root user. */
export async function collectIam(context: ReadContext): Promise<Resource[]> {
  const details = await readIamDetails(context);
  const read = details === undefined || isUnreadable(details) ? undefined : details;
  const [users, account] = await Promise.all([
    read ? readIamUsers(context, read) : [],
    readIamAccount(context),
  ]);
  return [...users, ...(read ? [...iamRoles(context, read), ...iamPolicies(context, read)] : []), account];
}

/** The units of a split sweep that read ECR: the registry, or a slice of the repositories with their images. */
export async function collectEcrUnit(context: ReadContext, unit: CollectUnit): Promise<Resource[]> {
  if (unit.service === 'ecr-registry') return [await readRegistry(context)];
  return 'start' in unit
    ? collectEcr(context, { start: unit.start, count: unit.count })
    : collectEcr(context);
}

/** The unit of a split sweep that reads a slice of the EKS clusters' Kubernetes APIs (else all). */
export function collectK8sUnit(context: ReadContext, unit: CollectUnit): Promise<Resource[]> {
  return 'start' in unit
    ? collectK8s(context, { start: unit.start, count: unit.count })
    : collectK8s(context);
}
