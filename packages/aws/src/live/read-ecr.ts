import {
  BatchGetRepositoryScanningConfigurationCommand,
  DescribeImageSigningStatusCommand,
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
import { normaliseEcrImage } from '../normalise/ecr-image.js';
import { normaliseEcrRegistry } from '../normalise/ecr-registry.js';
import { normaliseEcrRepository } from '../normalise/ecr-repository.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { LiveContext } from './context.js';

/** BatchGetRepositoryScanningConfiguration takes at most 25 repository names. */
export const SCANNING_BATCH = 25;
/** The largest page DescribeRepositories and DescribeImages return. */
export const ECR_PAGE = 1000;

/** The registry of the collector's account and region. */
export async function readRegistry(context: LiveContext): Promise<EcrRegistry> {
  const { session } = context;
  const { ecr } = session.clients;
  const [scanning, pullThroughCacheRules] = await Promise.all([
    session.send({ service: 'ecr', operation: 'GetRegistryScanningConfiguration' }, () =>
      ecr.send(new GetRegistryScanningConfigurationCommand({})),
    ),
    session.paginate({ service: 'ecr', operation: 'DescribePullThroughCacheRules' }, () =>
      paginateDescribePullThroughCacheRules({ client: ecr }, {}),
    ),
  ]);
  return normaliseEcrRegistry({ scope: context.scope, scanning, pullThroughCacheRules });
}

/** Every repository (DescribeRepositories, all pages), or the named one (`undefined`: not found). */
export async function listRepositories(context: LiveContext, name?: string): Promise<Known<Repository[]>> {
  const { session } = context;
  const input = name === undefined ? {} : { repositoryNames: [name] };
  const body = await session.paginate(
    { service: 'ecr', operation: 'DescribeRepositories', ...(name === undefined ? {} : { variant: name }) },
    // maxResults cannot be combined with repositoryNames.
    () =>
      paginateDescribeRepositories(
        { client: session.clients.ecr, ...(name === undefined ? { pageSize: ECR_PAGE } : {}) },
        input,
      ),
  );
  if (body === undefined || isUnreadable(body)) return body;
  return body.repositories ?? [];
}

/** Effective scan frequencies: of every repository in batches of 25 (recorded), or of `names`. */
async function scanningConfigurations(context: LiveContext, names: string[], all: boolean) {
  const { session } = context;
  const batches: string[][] = [];
  for (let start = 0; start < names.length; start += SCANNING_BATCH) {
    batches.push(names.slice(start, start + SCANNING_BATCH));
  }
  const body = await session.read(
    {
      service: 'ecr',
      operation: 'BatchGetRepositoryScanningConfiguration',
      ...(all ? {} : { variant: names.join(',') }),
    },
    (limited) =>
      Promise.all(
        batches.map((repositoryNames) =>
          limited(() =>
            session.clients.ecr.send(new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames })),
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
  context: LiveContext,
  repositories: Repository[],
  all: boolean,
): Promise<EcrRepository[]> {
  const { session } = context;
  const { ecr } = session.clients;
  const names = repositories.flatMap((repository) =>
    repository.repositoryName ? [repository.repositoryName] : [],
  );
  const scanning = names.length > 0 ? await scanningConfigurations(context, names, all) : undefined;
  return Promise.all(
    repositories.map(async function readRepository(repository) {
      const repositoryName = repository.repositoryName ?? '';
      const keys = [repositoryName];
      const [policy, lifecyclePolicy] = await Promise.all([
        session.send({ service: 'ecr', operation: 'GetRepositoryPolicy', keys }, () =>
          ecr.send(new GetRepositoryPolicyCommand({ repositoryName })),
        ),
        session.send({ service: 'ecr', operation: 'GetLifecyclePolicy', keys }, () =>
          ecr.send(new GetLifecyclePolicyCommand({ repositoryName })),
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

/** A repository's image details: all (recorded), or the one with `digest` (`undefined`: not found). */
export async function describeImages(
  context: LiveContext,
  repositoryName: string,
  digest?: string,
): Promise<Known<ImageDetail[]>> {
  const { session } = context;
  const input = { repositoryName, ...(digest ? { imageIds: [{ imageDigest: digest }] } : {}) };
  const body = await session.paginate(
    {
      service: 'ecr',
      operation: 'DescribeImages',
      keys: [repositoryName],
      ...(digest ? { variant: digest } : {}),
    },
    // maxResults cannot be combined with imageIds.
    () =>
      paginateDescribeImages(
        { client: session.clients.ecr, ...(digest ? {} : { pageSize: ECR_PAGE }) },
        input,
      ),
  );
  if (body === undefined || isUnreadable(body)) return body;
  return body.imageDetails ?? [];
}

/** Images with their signing status and OCI referrers. */
export function readImages(
  context: LiveContext,
  repository: Repository,
  details: ImageDetail[],
): Promise<EcrImage[]> {
  const { session } = context;
  const { ecr } = session.clients;
  const repositoryName = repository.repositoryName ?? '';
  return Promise.all(
    details.map(async function readImage(detail) {
      const imageDigest = detail.imageDigest ?? '';
      const keys = [repositoryName, imageDigest];
      const [signing, referrers] = await Promise.all([
        session.send({ service: 'ecr', operation: 'DescribeImageSigningStatus', keys }, () =>
          ecr.send(new DescribeImageSigningStatusCommand({ repositoryName, imageId: { imageDigest } })),
        ),
        session.paginate({ service: 'ecr', operation: 'ListImageReferrers', keys }, () =>
          referrerPages(context, repositoryName, imageDigest),
        ),
      ]);
      return normaliseEcrImage({
        scope: context.scope,
        ...(repository.repositoryArn ? { repositoryArn: repository.repositoryArn } : {}),
        image: { repositoryName, ...detail },
        signing,
        referrers,
      });
    }),
  );
}

/** ListImageReferrers has a `nextToken` but no SDK paginator: pages it by hand. */
async function* referrerPages(
  context: LiveContext,
  repositoryName: string,
  imageDigest: string,
): AsyncGenerator<ListImageReferrersResponse> {
  let nextToken: string | undefined;
  do {
    const page: ListImageReferrersResponse = await context.session.clients.ecr.send(
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
