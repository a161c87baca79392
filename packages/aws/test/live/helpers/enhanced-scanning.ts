import { snapshotPath } from '../../../src/index.js';
import type { SnapshotFiles } from './snapshot-files.js';

interface ImageDetailFile {
  imageDetails?: {
    repositoryName?: string;
    imageDigest?: string;
    imageTags?: string[];
    registryId?: string;
  }[];
}

/**
 * The snapshot with the registry's scan type ENHANCED and, for each repository's images
 * (DescribeImages), Inspector2 ListCoverage's answer in the shape of the Amazon Inspector API
 * reference (CoveredResource: `resourceId` the image's ARN, `resourceType`
 * AWS_ECR_CONTAINER_IMAGE, `scanType` PACKAGE, `scanStatus`, `resourceMetadata.ecrRepository` and
 * `.ecrImage` with `tags`, `inUseCount`, `lastInUseAt`): `inUse` gives an image's count and last
 * use by digest, every other image is covered and used by nothing.
 * @example const files = withEnhancedScanning(readSnapshotDir(DEMO), { 'sha256:…': { inUseCount: 2, lastInUseAt: '2026-11-30T09:00:00Z' } });
 */
export function withEnhancedScanning(
  files: SnapshotFiles,
  inUse: Record<string, { inUseCount: number; lastInUseAt?: string }> = {},
): SnapshotFiles {
  const enhanced = new Map(files);
  const scanning = files.get('ecr/GetRegistryScanningConfiguration.json') as {
    scanningConfiguration?: Record<string, unknown>;
  };
  enhanced.set('ecr/GetRegistryScanningConfiguration.json', {
    ...scanning,
    scanningConfiguration: { ...scanning?.scanningConfiguration, scanType: 'ENHANCED' },
  });
  const listed = files.get('ecr/DescribeRepositories.json') as {
    repositories: { repositoryName: string; repositoryArn: string }[];
  };
  for (const { repositoryName, repositoryArn } of listed.repositories) {
    const details = files.get(snapshotPath('ecr', 'DescribeImages', repositoryName)) as
      | ImageDetailFile
      | undefined;
    const coveredResources = (details?.imageDetails ?? []).map(function coveredImage(image) {
      const digest = image.imageDigest ?? '';
      const use = inUse[digest];
      return {
        resourceType: 'AWS_ECR_CONTAINER_IMAGE',
        resourceId: `${repositoryArn}/${digest}`,
        accountId: image.registryId ?? repositoryArn.split(':')[4],
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        resourceMetadata: {
          ecrRepository: { name: repositoryName, scanFrequency: 'SCAN_ON_PUSH' },
          ecrImage: {
            tags: image.imageTags ?? [],
            inUseCount: use?.inUseCount ?? 0,
            ...(use?.lastInUseAt ? { lastInUseAt: use.lastInUseAt } : {}),
          },
        },
      };
    });
    enhanced.set(snapshotPath('inspector2', 'ListCoverage', repositoryName), { coveredResources });
  }
  return enhanced;
}
