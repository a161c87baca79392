import type { Resource } from '@customs/core';
import type { ReadContext } from './context.js';
import { listRepositories, readImages, readRegistry, readRepository } from './read-ecr.js';
import {
  listAccessEntries,
  listClusters,
  listNodegroups,
  readAccessEntry,
  readCluster,
  readNodegroup,
} from './read-eks.js';
import { iamPolicies, iamRoles, readIamAccount, readIamDetails, readIamUsers } from './read-iam.js';

/**
 * Every resource of the snapshot, services read concurrently: the registry, repositories,
 * images, clusters, nodegroups, access entries, IAM users, roles, policies and the account.
 */
export async function collectEverything(context: ReadContext, services: Set<string>): Promise<Resource[]> {
  const groups = await Promise.all([
    services.has('ecr') ? collectEcr(context) : [],
    collectEks(context),
    services.has('iam') ? collectIam(context) : [],
  ]);
  return groups.flat();
}

async function collectEcr(context: ReadContext): Promise<Resource[]> {
  const repositories = await listRepositories(context);
  const [registry, normalised, images] = await Promise.all([
    readRegistry(context),
    Promise.all(repositories.map((repository) => readRepository(context, repository))),
    Promise.all(repositories.map((repository) => readImages(context, repository))),
  ]);
  return [registry, ...normalised, ...images.flat()];
}

async function collectEks(context: ReadContext): Promise<Resource[]> {
  const names = await listClusters(context);
  const perCluster = await Promise.all(
    names.map(async function collectCluster(cluster) {
      const [resource, nodegroupNames, principals] = await Promise.all([
        readCluster(context, cluster),
        listNodegroups(context, cluster),
        listAccessEntries(context, cluster),
      ]);
      if (!resource) return { clusters: [], nodegroups: [], entries: [] };
      const [nodegroups, entries] = await Promise.all([
        Promise.all((nodegroupNames ?? []).map((nodegroup) => readNodegroup(context, cluster, nodegroup))),
        Promise.all(principals.map((principal) => readAccessEntry(context, cluster, principal))),
      ]);
      return { clusters: [resource], nodegroups: nodegroups.filter((item) => item !== undefined), entries };
    }),
  );
  return [
    ...perCluster.flatMap((item) => item.clusters),
    ...perCluster.flatMap((item) => item.nodegroups),
    ...perCluster.flatMap((item) => item.entries),
  ];
}

async function collectIam(context: ReadContext): Promise<Resource[]> {
  const details = await readIamDetails(context);
  const [users, account] = await Promise.all([readIamUsers(context, details), readIamAccount(context)]);
  return [...users, ...iamRoles(context, details), ...iamPolicies(context, details), account];
}
