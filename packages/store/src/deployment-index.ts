import type { DeploymentDigest, ResourceType } from '@customs/core';
import type { StoreContext } from './context.js';
import type { IndexedDigests, ResourceEvaluation } from './model.js';
import { queryAll } from './run-query.js';
import type { TransactItem } from './write-change.js';

/** Partition prefix of the digest → deployments index (README.md, "Deployed digests"). */
const DIGEST_PREFIX = 'DIGEST#';

/** What an evaluation of a deployment says it runs: its digests, and how to re-read it. */
export interface ResourceDeployments {
  resourceType: ResourceType;
  resourceName: string;
  /** The deployment's ref (`family:revision`; `<namespace>/<Kind>/<name>` under its cluster). */
  refName: string;
  refParent?: string;
  digests: readonly DeploymentDigest[];
}

/** One deployment that runs a digest: an index item read back. */
export interface DigestDeployment {
  digest: string;
  resourceType: ResourceType;
  resourceId: string;
  resourceName: string;
  refName: string;
  refParent?: string;
  accountId: string;
  region: string;
  repositoryName?: string;
  count: number;
  where: string[];
  /** The evaluation of the deployment that wrote it. */
  evaluatedAt: string;
}

/** The deployment whose index items a write moves, at the time of its evaluation (or removal). */
export interface DeploymentOf {
  resourceId: string;
  resourceType: ResourceType;
  accountId: string;
  region: string;
  evaluatedAt: string;
}

/** A digest whose index entry for a deployment was added, changed or removed by a write. */
export interface MovedDigest {
  digest: string;
  repositoryName?: string;
  /** The deployment it moved on. */
  resourceId: string;
}

/** The key of a deployment's index item for one digest. */
export function digestKey(digest: string, resourceType: string, resourceId: string) {
  return { PK: `${DIGEST_PREFIX}${digest}`, SK: `${resourceType}#${resourceId}` };
}

const same = (a: IndexedDigests[string] | undefined, b: IndexedDigests[string] | undefined) =>
  JSON.stringify(a && [a.repositoryName ?? '', a.count, a.where]) ===
  JSON.stringify(b && [b.repositoryName ?? '', b.count, b.where]);

/** The index content of a deployment's digests, by digest. */
export function indexedOf(deployments: ResourceDeployments): IndexedDigests {
  const indexed: IndexedDigests = {};
  for (const { digest, repositoryName, count, where } of deployments.digests) {
    indexed[digest] = { ...(repositoryName ? { repositoryName } : {}), count, where: [...where] };
  }
  return indexed;
}

/** One write of the index: a digest's item put (with its entry) or deleted (none). */
export interface IndexWrite {
  digest: string;
  entry?: IndexedDigests[string];
  item: TransactItem;
}

/**
 * What the record says is indexed after some of the writes were applied to what it said before.
 * @example indexedAfter(record.deployed, writes) // { 'sha256:…': { count: 3, where: [...] } }
 */
export function indexedAfter(
  before: IndexedDigests | undefined,
  writes: readonly IndexWrite[],
): IndexedDigests {
  const state: IndexedDigests = { ...before };
  for (const { digest, entry } of writes) {
    if (entry) state[digest] = entry;
    else delete state[digest];
  }
  return state;
}

/**
 * The index writes that take a deployment from what its record says it indexed to what its
 * evaluation says it runs: a Put per new or changed digest, a Delete per digest it no longer runs
 * (all of them for a removal: `next` undefined), and the digests that moved.
 */
export function indexWrites(
  context: StoreContext,
  resource: DeploymentOf,
  record: ResourceEvaluation | undefined,
  next: ResourceDeployments | undefined,
): { writes: IndexWrite[]; moved: MovedDigest[] } {
  const before = record?.deployed ?? {};
  const after = next ? indexedOf(next) : {};
  const type = resource.resourceType;
  const writes: IndexWrite[] = [];
  const moved: MovedDigest[] = [];
  for (const [digest, entry] of Object.entries(after)) {
    if (same(before[digest], entry) || !next) continue;
    writes.push({
      digest,
      entry,
      item: {
        Put: {
          TableName: context.tableName,
          Item: {
            ...digestKey(digest, type, resource.resourceId),
            type: 'deployment-digest',
            digest,
            resourceType: type,
            resourceId: resource.resourceId,
            resourceName: next.resourceName,
            refName: next.refName,
            ...(next.refParent === undefined ? {} : { refParent: next.refParent }),
            accountId: resource.accountId,
            region: resource.region,
            ...entry,
            evaluatedAt: resource.evaluatedAt,
          },
        },
      },
    });
    moved.push({ digest, ...repositoryOf(entry), resourceId: resource.resourceId });
  }
  for (const [digest, entry] of Object.entries(before)) {
    if (Object.hasOwn(after, digest)) continue;
    writes.push({
      digest,
      item: { Delete: { TableName: context.tableName, Key: digestKey(digest, type, resource.resourceId) } },
    });
    moved.push({ digest, ...repositoryOf(entry), resourceId: resource.resourceId });
  }
  return { writes, moved };
}

const repositoryOf = (entry: IndexedDigests[string]) =>
  entry.repositoryName ? { repositoryName: entry.repositoryName } : {};

/**
 * Every deployment the index says runs `digest`: one Query on its partition (`DIGEST#<digest>`),
 * read to its end; reads proportional to those deployments, never to the account.
 */
export async function deploymentsOfDigest(
  context: StoreContext,
  digest: string,
): Promise<DigestDeployment[]> {
  const items = await queryAll(context, { partitions: [{ pk: `${DIGEST_PREFIX}${digest}` }], filters: {} });
  return items.map(function deploymentOf(item): DigestDeployment {
    const deployment: DigestDeployment = {
      digest: String(item.digest),
      resourceType: item.resourceType as ResourceType,
      resourceId: String(item.resourceId),
      resourceName: String(item.resourceName),
      refName: String(item.refName),
      accountId: String(item.accountId),
      region: String(item.region),
      count: Number(item.count),
      where: Array.isArray(item.where) ? item.where.map(String) : [],
      evaluatedAt: String(item.evaluatedAt),
    };
    if (typeof item.refParent === 'string') deployment.refParent = item.refParent;
    if (typeof item.repositoryName === 'string') deployment.repositoryName = item.repositoryName;
    return deployment;
  });
}
