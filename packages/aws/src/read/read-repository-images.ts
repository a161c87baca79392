import type { ImageDetail } from '@aws-sdk/client-ecr';
import type { EcrImage } from '@customs/core';
import type { Wire } from '../normalise/wire.js';
import type { ReadContext } from './context.js';
import { type ImageFacts, isDue } from './image-reads.js';
import { type RepositoryEntry, readImages } from './read-ecr.js';
import { readImageCoverage } from './read-inspector.js';

/** The facts of an image just read, unless a part of them could not be read (then it is read again next time). */
function factsOf(image: EcrImage, readAt: string): ImageFacts[] {
  const unreadable = image.unreadable ?? {};
  if ('signingStatus' in unreadable || 'referrerArtifactTypes' in unreadable) return [];
  return [
    {
      digest: image.digest,
      ...(image.signingStatus ? { signingStatus: image.signingStatus } : {}),
      referrerArtifactTypes: image.referrerArtifactTypes,
      readAt,
    },
  ];
}

/**
 * A repository's images. Without `context.imageReads`, each read whole (`readImages`). With it,
 * the per-image calls are made only for the images its ledger does not know or whose facts are
 * due; the others keep the facts recorded, so their findings are those of a full read. `listed`
 * says that `details` are every image of the repository (a sweep), so that the ledger forgets the
 * digests no longer there; a re-read of some images (an event) reads them all and records them.
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
  const digests = new Set(details.map((detail) => detail.imageDigest ?? ''));
  const known = new Map(
    prior
      .filter((facts) => digests.has(facts.digest) && !isDue(facts.digest, facts.readAt, now, periodDays))
      .map((facts) => [facts.digest, facts]),
  );
  const images = await readImages(context, repository, details, known, coverage);
  const readAt = now.toISOString();
  const read = images.filter((image) => !known.has(image.digest)).flatMap((image) => factsOf(image, readAt));
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
