import type {
  DescribeImageScanFindingsResponse,
  DescribeImageSigningStatusResponse,
  ImageDetail,
  ListImageReferrersResponse,
} from '@aws-sdk/client-ecr';
import type { EcrImage, EcrImageScan } from '@customs/core';
import { type ImageCoverageEntry, inspectorOf } from './ecr-image-coverage.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, toDate, type Wire } from './wire.js';

/** What an ECR image is read from. */
export interface EcrImageInput {
  scope: Scope;
  /** The ARN of the image's repository (DescribeRepositories `repositoryArn`). */
  repositoryArn?: string;
  /** One entry of DescribeImages `imageDetails`. */
  image: Wire<ImageDetail>;
  /** DescribeImageScanFindings (overrides the summary in DescribeImages); undefined when not read. */
  scanFindings?: Known<Wire<DescribeImageScanFindingsResponse>>;
  /** DescribeImageSigningStatus; undefined when not read. */
  signing?: Known<Wire<DescribeImageSigningStatusResponse>>;
  /** ListImageReferrers; undefined when not read or none. */
  referrers?: Known<Wire<ListImageReferrersResponse>>;
  /**
   * The image's entry of Inspector2 ListCoverage (enhanced scanning), or why the coverage is
   * unknown; undefined when not read (BASIC scanning) or the image is not covered.
   */
  coverage?: ImageCoverageEntry;
}

/**
 * An ECR image: id `<repositoryArn>@<digest>`, name `<repository>@<digest>`.
 * @example normaliseEcrImage({ scope, repositoryArn, image: describeImages.imageDetails[0] });
 */
export function normaliseEcrImage(input: EcrImageInput): EcrImage {
  const { image, scope } = input;
  const repositoryName = image.repositoryName ?? '';
  const digest = image.imageDigest ?? '';
  const where = locate(input.repositoryArn, {
    accountId: image.registryId ?? scope.accountId,
    region: scope.region,
  });
  const repositoryArn =
    input.repositoryArn ?? `arn:aws:ecr:${where.region}:${where.accountId}:repository/${repositoryName}`;
  const unreadable = new UnreadableProperties();
  const pushedAt = toDate(image.imagePushedAt);
  const scan = latestScan(image, input.scanFindings, unreadable);
  const signingStatus = signingStatusOf(input.signing, unreadable);
  const inspector = inspectorOf(input.coverage, unreadable);
  return {
    type: 'ecr-image',
    id: `${repositoryArn}@${digest}`,
    name: `${repositoryName}@${digest}`,
    ...where,
    repositoryName,
    repositoryArn,
    digest,
    tags: image.imageTags ?? [],
    ...(pushedAt ? { pushedAt } : {}),
    ...(scan ? { scan } : {}),
    ...(signingStatus ? { signingStatus } : {}),
    referrerArtifactTypes: referrerTypes(input.referrers, unreadable),
    ...(inspector ? { inspector } : {}),
    ...withUnreadable(unreadable),
  };
}

function latestScan(
  image: Wire<ImageDetail>,
  findings: EcrImageInput['scanFindings'],
  unreadable: UnreadableProperties,
): EcrImageScan | undefined {
  if (isUnreadable(findings)) unreadable.add('scan', findings.unreadable);
  const detailed = isUnreadable(findings) ? undefined : findings;
  const status = detailed?.imageScanStatus ?? image.imageScanStatus;
  const summary = detailed?.imageScanFindings ?? image.imageScanFindingsSummary;
  if (!status && !summary) return undefined;
  const completedAt = toDate(summary?.imageScanCompletedAt);
  const severityCounts: Record<string, number> = {};
  for (const [severity, count] of Object.entries(summary?.findingSeverityCounts ?? {})) {
    if (typeof count === 'number') severityCounts[severity] = count;
  }
  return {
    ...(status?.status ? { status: status.status } : {}),
    ...(status?.description ? { description: status.description } : {}),
    ...(completedAt ? { completedAt } : {}),
    severityCounts,
  };
}

function signingStatusOf(
  signing: EcrImageInput['signing'],
  unreadable: UnreadableProperties,
): string | undefined {
  if (isUnreadable(signing)) {
    unreadable.add('signingStatus', signing.unreadable);
    return undefined;
  }
  const statuses = (signing?.signingStatuses ?? []).map((entry) => entry.status).filter(Boolean);
  return statuses.find((status) => status === 'COMPLETE') ?? statuses[0];
}

function referrerTypes(referrers: EcrImageInput['referrers'], unreadable: UnreadableProperties): string[] {
  if (isUnreadable(referrers)) {
    unreadable.add('referrerArtifactTypes', referrers.unreadable);
    return [];
  }
  return (referrers?.referrers ?? []).flatMap((referrer) =>
    referrer.artifactType ? [referrer.artifactType] : [],
  );
}
