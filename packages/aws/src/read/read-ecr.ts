import {
  BatchGetRepositoryScanningConfigurationCommand,
  DescribeImageSigningStatusCommand,
  DescribeRegistryCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  type ImageDetail,
  ListImageReferrersCommand,
  type ListImageReferrersResponse,
  paginateDescribeImages,
  paginateDescribePullThroughCacheRules,
  paginateDescribeRepositories,
  type Repository,
} from '@aws-sdk/client-ecr';
import type { EcrImage, EcrRegistry, EcrRepository } from '@customs/core';
import type { AwsClients } from '../live/clients.js';
import { normaliseEcrImage } from '../normalise/ecr-image.js';
import { coverageOfImages } from '../normalise/ecr-image-coverage.js';
import { normaliseEcrRegistry } from '../normalise/ecr-registry.js';
import { normaliseEcrRepository } from '../normalise/ecr-repository.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import { PAGE } from '../registry/call-info.js';
import type { ReadContext } from './context.js';
import type { ImageFacts } from './image-reads.js';
import type { ImageCoverage } from './read-inspector.js';

/** A repository as DescribeRepositories lists it. */
export type RepositoryEntry = Wire<Repository>;

/** The account's registry id (DescribeRegistry), or why it is unknown. */
export async function readRegistryId(context: ReadContext): Promise<Known<string>> {
  const body = await context.session.send({ service: 'ecr', operation: 'DescribeRegistry' }, (aws) =>
    aws.ecr.send(new DescribeRegistryCommand({})),
  );
  return body === undefined || isUnreadable(body) ? body : body.registryId;
}

/** The registry of the collector's account and region. */
export async function readRegistry(context: ReadContext): Promise<EcrRegistry> {
  const { session } = context;
  const [scanning, pullThroughCacheRules] = await Promise.all([
    session.send({ service: 'ecr', operation: 'GetRegistryScanningConfiguration' }, (aws) =>
      aws.ecr.send(new GetRegistryScanningConfigurationCommand({})),
    ),
    session.paginate({ service: 'ecr', operation: 'DescribePullThroughCacheRules' }, (aws) =>
      paginateDescribePullThroughCacheRules({ client: aws.ecr }, {}),
    ),
  ]);
  return normaliseEcrRegistry({ scope: context.scope, scanning, pullThroughCacheRules });
}

/**
 * Every repository (DescribeRepositories, all pages), or the named one: asked of AWS alone, and
 * picked from the list here too, so that a snapshot (the whole list) gives the same answer. None
 * named: `undefined` (not found) or an empty list.
 */
export async function listRepositories(
  context: ReadContext,
  name?: string,
): Promise<Known<RepositoryEntry[]>> {
  const body = await context.session.paginate(
    { service: 'ecr', operation: 'DescribeRepositories', ...(name === undefined ? {} : { variant: name }) },
    // maxResults cannot be combined with repositoryNames.
    (aws) =>
      paginateDescribeRepositories(
        { client: aws.ecr, ...(name === undefined ? { pageSize: PAGE.ecr } : {}) },
        name === undefined ? {} : { repositoryNames: [name] },
      ),
  );
  if (body === undefined || isUnreadable(body)) return body;
  const repositories = body.repositories ?? [];
  return name === undefined ? repositories : repositories.filter((entry) => entry.repositoryName === name);
}

/** Effective scan frequencies: of every repository in batches of 25 (recorded), or of `names`. */
async function scanningConfigurations(context: ReadContext, names: string[], all: boolean) {
  const batches: string[][] = [];
  for (let start = 0; start < names.length; start += PAGE.scanningBatch) {
    batches.push(names.slice(start, start + PAGE.scanningBatch));
  }
  const body = await context.session.read(
    {
      service: 'ecr',
      operation: 'BatchGetRepositoryScanningConfiguration',
      ...(all ? {} : { variant: names.join(',') }),
    },
    (limited, aws) =>
      Promise.all(
        batches.map((repositoryNames) =>
          limited(() =>
            aws.ecr.send(new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames })),
          ),
        ),
      ),
  );
  return isUnreadable(body) ? undefined : body?.scanningConfigurations;
}

/**
 * Repositories with their policy, lifecycle policy and effective scan frequency. `all` says the
 * list is every repository of the region (its scanning configurations are one recorded body).
 */
export async function readRepositories(
  context: ReadContext,
  repositories: RepositoryEntry[],
  all: boolean,
): Promise<EcrRepository[]> {
  const { session } = context;
  const names = repositories.flatMap((repository) =>
    repository.repositoryName ? [repository.repositoryName] : [],
  );
  const scanning = names.length > 0 ? await scanningConfigurations(context, names, all) : undefined;
  return Promise.all(
    repositories.map(async function readRepository(repository) {
      const repositoryName = repository.repositoryName ?? '';
      const keys = [repositoryName];
      const [policy, lifecyclePolicy] = await Promise.all([
        session.send({ service: 'ecr', operation: 'GetRepositoryPolicy', keys }, (aws) =>
          aws.ecr.send(new GetRepositoryPolicyCommand({ repositoryName })),
        ),
        session.send({ service: 'ecr', operation: 'GetLifecyclePolicy', keys }, (aws) =>
          aws.ecr.send(new GetLifecyclePolicyCommand({ repositoryName })),
        ),
      ]);
      const scanningConfiguration = scanning?.find(
        (entry) =>
          entry.repositoryName === repositoryName || entry.repositoryArn === repository.repositoryArn,
      );
      return normaliseEcrRepository({
        scope: context.scope,
        repository,
        policy,
        lifecyclePolicy,
        ...(scanningConfiguration ? { scanningConfiguration } : {}),
      });
    }),
  );
}

/**
 * A repository's image details: all (recorded), or the one with `digest`: asked of AWS alone, and
 * picked from the details here too, so that a snapshot gives the same answer (`undefined`: not found).
 */
export async function describeImages(
  context: ReadContext,
  repositoryName: string,
  digest?: string,
): Promise<Known<Wire<ImageDetail>[]>> {
  const body = await context.session.paginate(
    {
      service: 'ecr',
      operation: 'DescribeImages',
      keys: [repositoryName],
      ...(digest ? { variant: digest } : {}),
    },
    // maxResults cannot be combined with imageIds.
    (aws) =>
      paginateDescribeImages(
        { client: aws.ecr, ...(digest ? {} : { pageSize: PAGE.ecr }) },
        { repositoryName, ...(digest ? { imageIds: [{ imageDigest: digest }] } : {}) },
      ),
  );
  if (body === undefined || isUnreadable(body)) return body;
  const details = body.imageDetails ?? [];
  return digest ? details.filter((detail) => detail.imageDigest === digest) : details;
}

/**
 * Images with their signing status and OCI referrers, and the scan findings a snapshot may hold
 * (DescribeImageScanFindings, never called: DescribeImages carries the counts). An image in
 * `known` is not asked for its signing status and referrers: it keeps the facts given. With
 * `coverage` (the repository's Inspector coverage, `readImageCoverage`), each image carries
 * Inspector's view of its use.
 */
export function readImages(
  context: ReadContext,
  repository: RepositoryEntry,
  details: Wire<ImageDetail>[],
  known: ReadonlyMap<string, ImageFacts> = new Map(),
  coverage?: ImageCoverage,
): Promise<EcrImage[]> {
  const { session } = context;
  const repositoryName = repository.repositoryName ?? '';
  const coverageOf = coverageOfImages(coverage);
  return Promise.all(
    details.map(async function readImage(detail) {
      const imageDigest = detail.imageDigest ?? '';
      const keys = [repositoryName, imageDigest];
      const facts = known.get(imageDigest);
      const [scanFindings, signing, referrers] = await Promise.all([
        session.stored({ service: 'ecr', operation: 'DescribeImageScanFindings', keys }),
        facts
          ? { signingStatuses: facts.signingStatus ? [{ status: facts.signingStatus }] : [] }
          : session.send({ service: 'ecr', operation: 'DescribeImageSigningStatus', keys }, (aws) =>
              aws.ecr.send(
                new DescribeImageSigningStatusCommand({ repositoryName, imageId: { imageDigest } }),
              ),
            ),
        facts
          ? { referrers: facts.referrerArtifactTypes.map((artifactType) => ({ artifactType })) }
          : session.paginate({ service: 'ecr', operation: 'ListImageReferrers', keys }, (aws) =>
              referrerPages(aws, repositoryName, imageDigest),
            ),
      ]);
      return normaliseEcrImage({
        scope: context.scope,
        ...(repository.repositoryArn ? { repositoryArn: repository.repositoryArn } : {}),
        image: { repositoryName, ...detail },
        scanFindings,
        signing,
        referrers,
        coverage: coverageOf(imageDigest),
      });
    }),
  );
}

/** ListImageReferrers has a `nextToken` but no SDK paginator: pages it by hand. */
async function* referrerPages(
  aws: AwsClients,
  repositoryName: string,
  imageDigest: string,
): AsyncGenerator<ListImageReferrersResponse> {
  let nextToken: string | undefined;
  do {
    const page: ListImageReferrersResponse = await aws.ecr.send(
      new ListImageReferrersCommand({
        repositoryName,
        subjectId: { imageDigest },
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    yield page;
    nextToken = page.nextToken;
  } while (nextToken);
}
