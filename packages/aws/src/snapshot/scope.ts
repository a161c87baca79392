import { readdir, stat } from 'node:fs/promises';
import { GLOBAL_REGION } from '@customs/core';
import { SnapshotError } from '../errors.js';
import { parseArn, type Scope } from '../normalise/wire.js';
import { snapshotPath } from '../session/paths.js';
import type { SnapshotFiles } from './files.js';
import { accountFile, ecr, eks, iam } from './schemas/index.js';

/** What a snapshot says about itself. */
export interface SnapshotIdentity {
  scope: Scope;
  capturedAt?: Date;
  /** The service folders present (`ecr`, `eks`, `iam`, `ec2`…). */
  services: Set<string>;
  /** Warnings about `account.json` (a region assumed). */
  warnings: string[];
}

/** The path of the optional account file. */
export const ACCOUNT_FILE = 'account.json';

/**
 * Reads `account.json`, else infers the account and region from the ARNs in the files.
 * Throws {@link SnapshotError} when the directory is missing or the account cannot be told.
 */
export async function readIdentity(dir: string, files: SnapshotFiles): Promise<SnapshotIdentity> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new SnapshotError(`snapshot directory not found: ${dir}`);
  if (!info.isDirectory()) throw new SnapshotError(`not a snapshot directory: ${dir}`);
  const services = new Set(
    (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );
  const account = await files.read(ACCOUNT_FILE, accountFile);
  const capturedAt = account?.capturedAt ? new Date(account.capturedAt) : undefined;
  const inferred = account?.accountId && account.region ? {} : await inferFromArns(files);
  const accountId = account?.accountId ?? inferred.accountId;
  if (!accountId) {
    throw new SnapshotError(
      `${ACCOUNT_FILE}: missing, and no ARN in the snapshot tells the account; add {"accountId", "region"}`,
    );
  }
  const region = account?.region ?? inferred.region;
  const warnings = region
    ? []
    : [`${ACCOUNT_FILE}: no region given or found in ARNs; assumed ${GLOBAL_REGION}`];
  return {
    scope: { accountId, region: region ?? GLOBAL_REGION },
    ...(capturedAt ? { capturedAt } : {}),
    services,
    warnings,
  };
}

async function inferFromArns(files: SnapshotFiles): Promise<Partial<Scope>> {
  const [registry, repositories, clusters, details] = await Promise.all([
    files.read(snapshotPath('ecr', 'DescribeRegistry'), ecr.describeRegistry),
    files.read(snapshotPath('ecr', 'DescribeRepositories'), ecr.describeRepositories),
    files.read(snapshotPath('eks', 'ListClusters'), eks.listClusters),
    files.read(snapshotPath('iam', 'GetAccountAuthorizationDetails'), iam.getAccountAuthorizationDetails),
  ]);
  const firstCluster = clusters?.clusters[0];
  const cluster = firstCluster
    ? await files.read(snapshotPath('eks', 'DescribeCluster', firstCluster), eks.describeCluster)
    : undefined;
  const regional = [repositories?.repositories[0]?.repositoryArn, cluster?.cluster.arn].map(parseArn);
  const principals = [details?.UserDetailList, details?.RoleDetailList, details?.GroupDetailList]
    .flatMap((list) => (list === undefined ? [] : Array.isArray(list) ? list : [list]))
    .map((principal) => parseArn(principal.Arn));
  const accountId =
    [...regional, ...principals].find((arn) => arn?.accountId)?.accountId ?? registry?.registryId;
  const region = regional.find((arn) => arn?.region)?.region;
  return { ...(accountId ? { accountId } : {}), ...(region ? { region } : {}) };
}
