import { DescribeImagesCommand, type ImageDetail, type ImageIdentifier } from '@aws-sdk/client-ecr';
import {
  type DeployedImageState,
  type EcrImage,
  ecrRegistryHost,
  parseImageReference,
  safeText,
} from '@customs/core';
import type { AwsClients } from '../live/clients.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import type { Limited } from '../session/session.js';
import type { ReadContext } from './context.js';
import { readImages } from './read-ecr.js';

/** DescribeImages takes at most 100 image ids a call. */
const IMAGE_IDS_PER_CALL = 100;

/** One container's image as the deployed-image read sees it: its reference and the digests it runs. */
export interface DeployedRead {
  image?: string;
  /** The distinct digests it runs, normalised (`runningDigest`); empty when nothing reported one. */
  running: readonly string[];
}

/** The ECR state of one container's images, and why this account's ECR could not be read (for `unreadable.deployedImages`). */
export interface DeployedResult {
  states: DeployedImageState[];
  unreadable?: string;
}

/** What one read wants of its repository (this account's and region's ECR). */
interface OwnImage {
  repository: string;
  digests: string[];
  /** The tag the spec names when it pins no digest (`latest` when it names none). */
  tag?: string;
}

/** A repository's answers: the details found by digest, and where each tag points; or why unreadable. */
interface RepositoryAnswer {
  images: Map<string, EcrImage>;
  tags: Map<string, string>;
  unreadable?: string;
}

/**
 * The ECR state of every image the containers of one read run (the revisions of an ECS read, the
 * workloads of a cluster), with calls proportional to the DISTINCT repositories and digests, never
 * to containers or tasks: per repository of this account's and region's ECR, DescribeImages with
 * the wanted digests and tags as `imageIds` (100 a call; a snapshot answers with the repository's
 * file, filtered here), then, per distinct image found, the signing status and referrers as the
 * ecr-image reader reads them (`readImages`: the same calls, so a session makes them once).
 * Another account's or region's ECR is unreadable (Customs reads only its own: the state says
 * why and whose, and the checks make it ERROR unless `trustedImageAccounts` lists the account);
 * an image outside ECR is `not-ecr`; a malformed or missing reference has no state (its check fails it).
 * @example const [api] = await readDeployedImages(context, [{ image: `${ecr}/team/app:v1`, running: [digest] }]);
 */
export async function readDeployedImages(
  context: ReadContext,
  reads: readonly DeployedRead[],
): Promise<DeployedResult[]> {
  const { accountId, region } = context.scope;
  const own = reads.map((read) => ownImage(read, accountId, region));
  const wanted = new Map<string, { digests: Set<string>; tags: Set<string> }>();
  for (const entry of own) {
    if (!entry) continue;
    const ids = wanted.get(entry.repository) ?? { digests: new Set<string>(), tags: new Set<string>() };
    for (const digest of entry.digests) ids.digests.add(digest);
    if (entry.tag !== undefined) ids.tags.add(entry.tag);
    wanted.set(entry.repository, ids);
  }
  const answers = new Map(
    await Promise.all(
      [...wanted].map(
        async ([repository, ids]) =>
          [repository, await readRepository(context, repository, [...ids.digests], [...ids.tags])] as const,
      ),
    ),
  );
  return reads.map((read, index) => {
    const entry = own[index];
    return entry ? ownStates(entry, answers.get(entry.repository)) : otherStates(read, accountId, region);
  });
}

/** The repository, digests and tag a read wants of this account's ECR; undefined for any other image. */
function ownImage(read: DeployedRead, accountId: string, region: string): OwnImage | undefined {
  const parsed = read.image === undefined ? undefined : parseImageReference(read.image);
  if (!parsed?.ok) return undefined;
  const { reference } = parsed;
  const host = ecrRegistryHost(reference.registry);
  if (host?.accountId !== accountId || host.region !== region) return undefined;
  const digests = read.running.length > 0 ? [...read.running] : reference.digest ? [reference.digest] : [];
  return {
    repository: reference.repository,
    digests,
    ...(reference.digest === undefined ? { tag: reference.tag ?? 'latest' } : {}),
  };
}

/**
 * The states of an image outside this account's and region's ECR: not-ecr, or unreadable for
 * another ECR, each with the reason and the registry's account. Not the resource's unreadable:
 * whether it matters is the configuration's (`trustedImageAccounts`), so the checks decide.
 */
function otherStates(read: DeployedRead, accountId: string, region: string): DeployedResult {
  const parsed = read.image === undefined ? undefined : parseImageReference(read.image);
  if (!parsed?.ok) return { states: [] };
  const { reference } = parsed;
  const digests = read.running.length > 0 ? [...read.running] : reference.digest ? [reference.digest] : [];
  const host = ecrRegistryHost(reference.registry);
  const base = (digest: string | undefined): DeployedImageState => ({
    ...(digest === undefined ? {} : { digest }),
    registry: host ? 'ecr-other' : 'elsewhere',
    ...(host ? { registryAccountId: host.accountId, repositoryName: reference.repository } : {}),
    state: host ? 'unreadable' : 'not-ecr',
    referrerArtifactTypes: [],
  });
  const states = (digests.length > 0 ? digests : [undefined]).map(base);
  if (!host) return { states };
  const reason = `${safeText(reference.repository)} is in the ECR of account ${host.accountId} in ${host.region}; Customs reads the ECR of account ${accountId} in ${region} only`;
  return { states: states.map((state) => ({ ...state, reason })) };
}

/** The states of an image in this account's ECR, from its repository's answers. */
function ownStates(entry: OwnImage, answer: RepositoryAnswer | undefined): DeployedResult {
  const tagDigest = entry.tag === undefined ? undefined : answer?.tags.get(entry.tag);
  const digests = entry.digests.length > 0 ? entry.digests : tagDigest ? [tagDigest] : [undefined];
  const states = digests.map((digest): DeployedImageState => {
    const base = {
      ...(digest === undefined ? {} : { digest }),
      registry: 'ecr' as const,
      repositoryName: entry.repository,
      ...(tagDigest === undefined ? {} : { tagDigest }),
    };
    if (answer?.unreadable) {
      return { ...base, state: 'unreadable', reason: answer.unreadable, referrerArtifactTypes: [] };
    }
    const image = digest === undefined ? undefined : answer?.images.get(digest);
    if (!image) {
      const reason =
        digest === undefined
          ? `tag ${safeText(entry.tag ?? '')} is not in repository ${safeText(entry.repository)}`
          : `not in repository ${safeText(entry.repository)}`;
      return { ...base, state: 'not-found', reason, referrerArtifactTypes: [] };
    }
    return foundState(base, image);
  });
  const reason = states.find((state) => state.state === 'unreadable')?.reason;
  return { states, ...(reason ? { unreadable: reason } : {}) };
}

/** A found image's state; a part ECR would not give (signing status, referrers) makes it unreadable. */
function foundState(base: Omit<DeployedImageState, 'state' | 'referrerArtifactTypes'>, image: EcrImage) {
  const missing = Object.entries(image.unreadable ?? {}).map(([key, why]) => `${key}: ${why}`);
  const state: DeployedImageState = {
    ...base,
    state: missing.length > 0 ? 'unreadable' : 'found',
    ...(missing.length > 0 ? { reason: missing.join('; ') } : {}),
    ...(image.scan ? { scan: image.scan } : {}),
    ...(image.signingStatus ? { signingStatus: image.signingStatus } : {}),
    referrerArtifactTypes: image.referrerArtifactTypes,
    ...(image.pushedAt ? { pushedAt: image.pushedAt } : {}),
  };
  return state;
}

/** One repository: DescribeImages of the wanted ids, then the found images' signing and referrers. */
async function readRepository(
  context: ReadContext,
  repositoryName: string,
  digests: string[],
  tags: string[],
): Promise<RepositoryAnswer> {
  const details = await describeImageIds(context, repositoryName, digests, tags);
  if (isUnreadable(details)) return { images: new Map(), tags: new Map(), unreadable: details.unreadable };
  const tagged = new Map<string, string>();
  const found = new Map<string, Wire<ImageDetail>>();
  for (const detail of details ?? []) {
    const digest = detail.imageDigest;
    if (!digest) continue;
    for (const tag of detail.imageTags ?? []) if (tags.includes(tag)) tagged.set(tag, digest);
    if (digests.includes(digest) || (detail.imageTags ?? []).some((tag) => tags.includes(tag)))
      found.set(digest, detail);
  }
  const images = await readImages(context, { repositoryName }, [...found.values()]);
  return { images: new Map(images.map((image) => [image.digest, image])), tags: tagged };
}

/**
 * DescribeImages of a repository's images by digest and tag, 100 ids a call; a snapshot answers
 * with the repository's whole file, filtered here to the same images. A call naming an image that
 * is not there fails whole (ImageNotFoundException), so that batch is asked again one id a call,
 * the missing ones left out. Undefined: the repository is not there.
 */
async function describeImageIds(
  context: ReadContext,
  repositoryName: string,
  digests: string[],
  tags: string[],
): Promise<Known<Wire<ImageDetail>[]>> {
  const ids: ImageIdentifier[] = [
    ...[...digests].sort().map((imageDigest) => ({ imageDigest })),
    ...[...tags].sort().map((imageTag) => ({ imageTag })),
  ];
  if (ids.length === 0) return [];
  const variant = `ids=${ids.map((id) => id.imageDigest ?? `:${id.imageTag}`).join(',')}`;
  const body = await context.session.read(
    { service: 'ecr', operation: 'DescribeImages', keys: [repositoryName], variant },
    (limited, aws) => {
      const batches: ImageIdentifier[][] = [];
      for (let start = 0; start < ids.length; start += IMAGE_IDS_PER_CALL)
        batches.push(ids.slice(start, start + IMAGE_IDS_PER_CALL));
      return Promise.all(batches.map((batch) => describeBatch(limited, aws, repositoryName, batch))).then(
        (pages) => pages.flat(),
      );
    },
  );
  if (body === undefined || isUnreadable(body)) return body;
  return (body.imageDetails ?? []).filter(
    (detail) =>
      (detail.imageDigest !== undefined && digests.includes(detail.imageDigest)) ||
      (detail.imageTags ?? []).some((tag) => tags.includes(tag)),
  );
}

type DescribeImagesPage = { imageDetails?: ImageDetail[] };

async function describeBatch(
  limited: Limited,
  aws: AwsClients,
  repositoryName: string,
  imageIds: ImageIdentifier[],
): Promise<DescribeImagesPage[]> {
  const describe = (ids: ImageIdentifier[]) =>
    limited(() => aws.ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: ids })));
  try {
    return [await describe(imageIds)];
  } catch (error) {
    if (!isImageNotFound(error) || imageIds.length === 1) {
      if (isImageNotFound(error)) return [];
      throw error;
    }
    return Promise.all(
      imageIds.map((id) =>
        describe([id]).catch((single: unknown) => {
          if (isImageNotFound(single)) return {};
          throw single;
        }),
      ),
    );
  }
}

function isImageNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'ImageNotFoundException';
}
