import type { CoveredResource, ListCoverageResponse } from '@aws-sdk/client-inspector2';
import type { EcrImageInspector } from '@customs/core';
import { isUnreadable, type Known, type UnreadableProperties } from './unreadable.js';
import { toDate, type Wire } from './wire.js';

/** One image's entry of Inspector's coverage, why the coverage is unknown, or none (not read, not covered). */
export type ImageCoverageEntry = Known<Wire<CoveredResource>>;

/** The `sha256:<hex>` that ends a covered image's `resourceId` (`…:repository/<name>/sha256:<hex>`). */
function digestOf(resourceId: string | undefined): string | undefined {
  const at = resourceId?.lastIndexOf('/sha256:') ?? -1;
  return at < 0 ? undefined : resourceId?.slice(at + 1);
}

/**
 * A repository's ListCoverage body by image digest (ECR images only), so that each image is
 * given its own entry in one pass; an unreadable body is every image's reason, none is none.
 * @example coverageOfImages(body).get('sha256:…')?.resourceMetadata?.ecrImage?.inUseCount
 */
export function coverageOfImages(
  body: Known<Wire<ListCoverageResponse>>,
): (digest: string) => ImageCoverageEntry {
  if (body === undefined || isUnreadable(body)) return () => body;
  const byDigest = new Map<string, Wire<CoveredResource>>();
  for (const resource of body.coveredResources ?? []) {
    if (resource.resourceType !== undefined && resource.resourceType !== 'AWS_ECR_CONTAINER_IMAGE') continue;
    const digest = digestOf(resource.resourceId);
    if (digest) byDigest.set(digest, resource);
  }
  return (digest) => byDigest.get(digest);
}

/**
 * Inspector's view of an image (`resourceMetadata.ecrImage`): undefined when not read or not
 * covered; an unreadable coverage is recorded as `unreadable.inspector`, which no check reads.
 */
export function inspectorOf(
  entry: ImageCoverageEntry,
  unreadable: UnreadableProperties,
): EcrImageInspector | undefined {
  if (isUnreadable(entry)) {
    unreadable.add('inspector', entry.unreadable);
    return undefined;
  }
  const metadata = entry?.resourceMetadata?.ecrImage;
  if (!metadata) return undefined;
  const lastInUseAt = toDate(metadata.lastInUseAt);
  const imagePulledAt = toDate(metadata.imagePulledAt);
  const count = metadata.inUseCount;
  return {
    ...(typeof count === 'number' && Number.isFinite(count) && count >= 0 ? { inUseCount: count } : {}),
    ...(lastInUseAt ? { lastInUseAt } : {}),
    ...(imagePulledAt ? { imagePulledAt } : {}),
  };
}
