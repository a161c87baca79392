/** One day, in milliseconds. */
const DAY_MS = 86_400_000;

/**
 * What the per-image reads of an ECR image (DescribeImageSigningStatus, ListImageReferrers) told,
 * as the checks see it, and when: kept so that a sweep need not ask again before the image is due.
 */
export interface ImageFacts {
  /** The image's digest (`sha256:…`). */
  digest: string;
  /** The normalised signing status (`COMPLETE`, `FAILED`…), absent when ECR gave none. */
  signingStatus?: string;
  /** The artifact types of the image's OCI referrers. */
  referrerArtifactTypes: string[];
  /** When they were read (ISO 8601). */
  readAt: string;
  /**
   * How DescribeImages listed the digest when they were read ({@link listingOf}): its status, media
   * types and subject. Absent in facts recorded before it was kept: such a digest is read again.
   */
  listed?: string;
}

/**
 * Where a collector keeps the per-image facts it read (the findings store, `FindingsRepository`):
 * by repository, so that one read gives every image of a repository.
 */
export interface ImageReadLedger {
  /** The facts last recorded for the images of a repository (any order). */
  imageReadsOf(repositoryArn: string): Promise<ImageFacts[]>;
  /** Records the facts just read, and forgets the digests the repository no longer lists. */
  recordImageReads(
    repositoryArn: string,
    read: readonly ImageFacts[],
    gone: readonly string[],
  ): Promise<void>;
}

/**
 * An incremental read: the per-image calls are made only for an image the ledger does not know
 * (new since the last read), or whose facts are due (see {@link isDue}); the others keep the
 * facts the ledger holds, so their findings are what a full read would give.
 */
export interface IncrementalReads {
  ledger: ImageReadLedger;
  /** The time of the read: which images are due. */
  now: Date;
  /** Every image is re-read at least once in this many days [{@link DEFAULT_REREAD_DAYS}]. */
  periodDays?: number;
}

/**
 * The period of the rolling re-read, in days, when none is given (config `imageRereadDays`): a
 * safety net only, as an unchanged listing already tells that no image's referrers or signature
 * changed (read-repository-images.ts). 60 keeps a steady-state day of 2,000 repositories of 50
 * images at 6,085 + 2 × 1,667 = 9,419 ECR calls; 7 would cost 34,657 (packages/aws/README.md).
 */
export const DEFAULT_REREAD_DAYS = 60;

/** The fields of a DescribeImages entry that say whether a digest is, or stopped being, a referrer of another. */
export interface ListedImage {
  imageStatus?: string;
  imageManifestMediaType?: string;
  artifactMediaType?: string;
  subjectManifestDigest?: string;
}

/**
 * How DescribeImages lists a digest, as one string: its status (an archived referrer is no longer
 * listed by ListImageReferrers), its media types and the digest of its subject (set for referrers:
 * signatures, SBOMs, attestations are manifests in the same repository).
 * @example listingOf({ artifactMediaType: 'application/vnd.cncf.notary.signature', subjectManifestDigest: 'sha256:…' });
 */
export function listingOf(detail: ListedImage): string {
  return [
    detail.imageStatus ?? '',
    detail.imageManifestMediaType ?? '',
    detail.artifactMediaType ?? '',
    detail.subjectManifestDigest ?? '',
  ].join(' ');
}

/** The subject a listing names (the last of {@link listingOf}'s fields), if any. */
export function subjectOfListing(listed: string): string | undefined {
  const subject = listed.slice(listed.lastIndexOf(' ') + 1);
  return subject === '' ? undefined : subject;
}

/** FNV-1a (32-bit) of a string: a cheap, stable spread of digests over the days of the period. */
function spreadOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The start (UTC midnight) of a digest's latest re-read day at or before `now`: each digest has
 * one day in every `periodDays` (by a hash of the digest), so the re-reads spread evenly.
 * @example slotStart('sha256:…', new Date('2026-12-01T05:00:00Z'), 7); // a UTC midnight in the last 7 days
 */
export function slotStart(digest: string, now: Date, periodDays = DEFAULT_REREAD_DAYS): number {
  const period = Math.max(1, Math.floor(periodDays));
  const today = Math.floor(now.getTime() / DAY_MS);
  const slot = spreadOf(digest) % period;
  const back = (((today - slot) % period) + period) % period;
  return (today - back) * DAY_MS;
}

/**
 * Whether an image's facts, read at `readAt`, are due for a re-read at `now`: read before the
 * digest's latest re-read day began. So every digest is re-read at least once a period, a read
 * by an event on or after that day covers it, and a missed sweep is caught up by the next one.
 * @example isDue(facts.digest, facts.readAt, new Date()); // true once a week per digest
 */
export function isDue(digest: string, readAt: string, now: Date, periodDays = DEFAULT_REREAD_DAYS): boolean {
  const read = Date.parse(readAt);
  return !Number.isFinite(read) || read < slotStart(digest, now, periodDays);
}
