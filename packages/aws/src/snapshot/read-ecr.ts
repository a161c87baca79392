import type { EcrImage, EcrRegistry, EcrRepository } from '@customs/core';
import { normaliseEcrImage } from '../normalise/ecr-image.js';
import { normaliseEcrRegistry } from '../normalise/ecr-registry.js';
import { normaliseEcrRepository } from '../normalise/ecr-repository.js';
import { notInSnapshot, type ReadContext } from './context.js';
import { snapshotPath } from './files.js';
import { ecr } from './schemas/index.js';

type RepositoryEntry = NonNullable<Awaited<ReturnType<typeof listRepositories>>>[number];

/** The registry of the snapshot's account and region. */
export async function readRegistry(context: ReadContext): Promise<EcrRegistry> {
  const scanningPath = snapshotPath('ecr', 'GetRegistryScanningConfiguration');
  const [scanning, pullThrough] = await Promise.all([
    context.session.read(scanningPath, ecr.getRegistryScanningConfiguration),
    context.session.read(
      snapshotPath('ecr', 'DescribePullThroughCacheRules'),
      ecr.describePullThroughCacheRules,
    ),
  ]);
  return normaliseEcrRegistry({
    scope: context.scope,
    scanning: scanning ?? notInSnapshot(scanningPath),
    pullThroughCacheRules: pullThrough,
  });
}

/** DescribeRepositories' entries (none when the file is missing). */
export async function listRepositories(context: ReadContext) {
  const body = await context.session.read(
    snapshotPath('ecr', 'DescribeRepositories'),
    ecr.describeRepositories,
  );
  return body?.repositories ?? [];
}

/** One repository, with its policy, lifecycle policy and scanning configuration. */
export async function readRepository(
  context: ReadContext,
  repository: RepositoryEntry,
): Promise<EcrRepository> {
  const name = repository.repositoryName;
  const { session } = context;
  const [policy, lifecyclePolicy, scanning] = await Promise.all([
    session.read(snapshotPath('ecr', 'GetRepositoryPolicy', name), ecr.getRepositoryPolicy),
    session.read(snapshotPath('ecr', 'GetLifecyclePolicy', name), ecr.getLifecyclePolicy),
    session.read(
      snapshotPath('ecr', 'BatchGetRepositoryScanningConfiguration'),
      ecr.batchGetRepositoryScanningConfiguration,
    ),
  ]);
  const scanningConfiguration = scanning?.scanningConfigurations?.find(
    (entry) => entry.repositoryName === name || entry.repositoryArn === repository.repositoryArn,
  );
  return normaliseEcrRepository({
    scope: context.scope,
    repository,
    policy,
    lifecyclePolicy,
    ...(scanningConfiguration ? { scanningConfiguration } : {}),
  });
}

/** A repository's images (all, or those with the given digests). */
export async function readImages(
  context: ReadContext,
  repository: RepositoryEntry,
  digests?: string[],
): Promise<EcrImage[]> {
  const name = repository.repositoryName;
  const { session } = context;
  const body = await session.read(snapshotPath('ecr', 'DescribeImages', name), ecr.describeImages);
  const details = (body?.imageDetails ?? []).filter(
    (detail) => digests === undefined || digests.includes(detail.imageDigest),
  );
  return Promise.all(
    details.map(async function readImage(detail) {
      const digest = detail.imageDigest;
      const [scanFindings, signing, referrers] = await Promise.all([
        session.read(
          snapshotPath('ecr', 'DescribeImageScanFindings', name, digest),
          ecr.describeImageScanFindings,
        ),
        session.read(
          snapshotPath('ecr', 'DescribeImageSigningStatus', name, digest),
          ecr.describeImageSigningStatus,
        ),
        session.read(snapshotPath('ecr', 'ListImageReferrers', name, digest), ecr.listImageReferrers),
      ]);
      return normaliseEcrImage({
        scope: context.scope,
        ...(repository.repositoryArn ? { repositoryArn: repository.repositoryArn } : {}),
        image: { repositoryName: name, ...detail },
        scanFindings,
        signing,
        referrers,
      });
    }),
  );
}
