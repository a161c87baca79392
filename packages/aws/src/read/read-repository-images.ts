import type { ImageDetail } from '@aws-sdk/client-ecr';
import type { EcrImage } from '@customs/core';
import type { Wire } from '../normalise/wire.js';
import type { ReadContext } from './context.js';
import { type ImageFacts, isDue, listingOf, subjectOfListing } from './image-reads.js';
import { type RepositoryEntry, readImages } from './read-ecr.js';
import { readImageCoverage } from './read-inspector.js';

/**
 * The facts of an image just read, unless a part of them could not be read (then it is read again
 * next time). `listed` is how the repository's listing showed the digest; an event's read of a
 * referrer keeps none, so that the next sweep still sees the referrer as new and re-reads its subject.
 */
function factsOf(image: EcrImage, readAt: string, listed: string | undefined): ImageFacts[] {
  const unreadable = image.unreadable ?? {};
  if ('signingStatus' in unreadable || 'referrerArtifactTypes' in unreadable) return [];
  return [
    {
      digest: image.digest,
      ...(image.signingStatus ? { signingStatus: image.signingStatus } : {}),
      referrerArtifactTypes: image.referrerArtifactTypes,
      readAt,
      ...(listed === undefined ? {} : { listed }),
    },
  ];
}

/** A signing status that changes with no change to the listing (IN_PROGRESS may end FAILED, adding no signature). */
const UNSETTLED_SIGNING = 'IN_PROGRESS';

/**
 * The facts a sweep keeps without asking (the others are read): those of a digest listed as it
 * was when read, that no referrer added, removed or changed names as its subject, whose signing
 * status is settled, and that is not due for the rolling re-read. A referrer (signature, SBOM,
 * attestation) is a manifest of the same repository with a subject, so an unchanged listing
 * means unchanged referrers. A digest gone whose listing was never recorded may have been a
 * referrer of any image: then every image is read.
 * @example const known = unchangedFacts(prior, details, new Date(), 60);
 */
export function unchangedFacts(
  prior: readonly ImageFacts[],
  details: readonly Wire<ImageDetail>[],
  now: Date,
  periodDays?: number,
): Map<string, ImageFacts> {
  const listing = new Map(details.map((detail) => [detail.imageDigest ?? '', listingOf(detail)]));
  const recorded = new Map(prior.map((facts) => [facts.digest, facts]));
  const touched = new Set<string>();
  const touch = (listed: string | undefined) => {
    const subject = listed === undefined ? undefined : subjectOfListing(listed);
    if (subject !== undefined) touched.add(subject);
  };
  for (const [digest, listed] of listing) {
    const was = recorded.get(digest)?.listed;
    if (was === listed) continue;
    touch(listed);
    touch(was);
  }
  for (const facts of prior) {
    if (listing.has(facts.digest)) continue;
    if (facts.listed === undefined) return new Map();
    touch(facts.listed);
  }
  return new Map(
    prior
      .filter(
        (facts) =>
          listing.get(facts.digest) === facts.listed &&
          !touched.has(facts.digest) &&
          facts.signingStatus !== UNSETTLED_SIGNING &&
          !isDue(facts.digest, facts.readAt, now, periodDays),
      )
      .map((facts) => [facts.digest, facts]),
  );
}

/**
 * A repository's images. Without `context.imageReads`, each read whole (`readImages`). With it,
 * the per-image calls are made only for the images {@link unchangedFacts} does not keep; the
 * others keep the facts recorded, so their findings are those of a full read. `listed` says that
 * `details` are every image of the repository (a sweep), so that the ledger forgets the digests
 * no longer there; a re-read of some images (an event) reads them all and records them.
 * A ledger that cannot be read costs only the savings: a warning, and every image is read.
 * @example const images = await readRepositoryImages(context, repository, details, true);
 */
export async function readRepositoryImages(
  context: ReadContext,
  repository: RepositoryEntry,
  details: Wire<ImageDetail>[],
  listed: boolean,
): Promise<EcrImage[]> {
  const incremental = context.imageReads;
  const repositoryArn = repository.repositoryArn;
  // Inspector's view of the images' use (enhanced scanning): the repository's, or one image's
  const one = !listed && details.length === 1 ? details[0]?.imageDigest : undefined;
  const coverage =
    details.length === 0
      ? undefined
      : await readImageCoverage(context, repository.repositoryName ?? '', repositoryArn, one);
  if (!incremental || !repositoryArn) return readImages(context, repository, details, new Map(), coverage);
  const { ledger, now, periodDays } = incremental;
  const prior = listed ? await priorOf(context, repositoryArn) : [];
  const known = unchangedFacts(prior, details, now, periodDays);
  const images = await readImages(context, repository, details, known, coverage);
  const readAt = now.toISOString();
  const listings = new Map<string, string>(
    details.flatMap((detail): [string, string][] =>
      listed || detail.subjectManifestDigest === undefined
        ? [[detail.imageDigest ?? '', listingOf(detail)]]
        : [],
    ),
  );
  const read = images
    .filter((image) => !known.has(image.digest))
    .flatMap((image) => factsOf(image, readAt, listings.get(image.digest)));
  const digests = new Set(details.map((detail) => detail.imageDigest ?? ''));
  const gone = prior.filter((facts) => !digests.has(facts.digest)).map((facts) => facts.digest);
  if (read.length > 0 || gone.length > 0) {
    try {
      await ledger.recordImageReads(repositoryArn, read, gone);
    } catch (error) {
      context.session.warn(
        `image reads of ${repositoryArn} not recorded (read again next time): ${reason(error)}`,
      );
    }
  }
  return images;
}

async function priorOf(context: ReadContext, repositoryArn: string): Promise<ImageFacts[]> {
  try {
    return (await context.imageReads?.ledger.imageReadsOf(repositoryArn)) ?? [];
  } catch (error) {
    context.session.warn(`image reads of ${repositoryArn} unknown (every image read): ${reason(error)}`);
    return [];
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';
}
