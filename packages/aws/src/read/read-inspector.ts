import { GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import type { ListCoverageRequest, ListCoverageResponse } from '@aws-sdk/client-inspector2';
import type { AwsClients } from '../live/clients.js';
import { isUnreadable, type Known, unreadable } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import { PAGE } from '../registry/call-info.js';
import type { ReadContext } from './context.js';

/** A repository's Inspector coverage: its covered images' bodies, or why they are unknown. */
export type ImageCoverage = Known<Wire<ListCoverageResponse>>;

/**
 * The most ListCoverage pages one repository's read asks for (200 images a page: 20,000 images);
 * beyond, the images not yet listed are left without Inspector's view and a warning says so.
 */
export const MAX_COVERAGE_PAGES = 100;

/**
 * The registry's scan type (GetRegistryScanningConfiguration, the same call the registry's read
 * makes, so a session makes it once): `ENHANCED` when Amazon Inspector scans its images.
 */
async function scanTypeOf(context: ReadContext): Promise<Known<string>> {
  const body = await context.session.send(
    { service: 'ecr', operation: 'GetRegistryScanningConfiguration' },
    (aws) => aws.ecr.send(new GetRegistryScanningConfigurationCommand({})),
  );
  if (body === undefined || isUnreadable(body)) return body;
  return body.scanningConfiguration?.scanType;
}

/**
 * What Amazon Inspector's coverage says of a repository's images (ListCoverage filtered by
 * `resourceType` AWS_ECR_CONTAINER_IMAGE and `ecrRepositoryName`, one request per page of 200,
 * at most {@link MAX_COVERAGE_PAGES}), or of one image (`digest`: its `resourceId` too), asked
 * only when the registry's scan type is ENHANCED: `undefined` with BASIC scanning (no call);
 * `unreadable` with why when the scan type or the coverage cannot be read (access denied,
 * Inspector not enabled: a ValidationException). A snapshot answers with the repository's file.
 * @example const coverage = await readImageCoverage(context, repository.repositoryName, repository.repositoryArn);
 */
export async function readImageCoverage(
  context: ReadContext,
  repositoryName: string,
  repositoryArn: string | undefined,
  digest?: string,
): Promise<ImageCoverage> {
  const scanType = await scanTypeOf(context);
  if (isUnreadable(scanType)) return unreadable(`registry scan type unknown: ${scanType.unreadable}`);
  if (scanType !== 'ENHANCED') return undefined;
  const resourceId = digest && repositoryArn ? `${repositoryArn}/${digest}` : undefined;
  return context.session.paginate(
    {
      service: 'inspector2',
      operation: 'ListCoverage',
      keys: [repositoryName],
      ...(resourceId ? { variant: digest } : {}),
    },
    (aws) => coveragePages(context, aws, repositoryName, resourceId),
  );
}

/** ListCoverage's pages by `nextToken`, bounded (a warning names the repository past the bound). */
async function* coveragePages(
  context: ReadContext,
  aws: AwsClients,
  repositoryName: string,
  resourceId: string | undefined,
): AsyncGenerator<ListCoverageResponse> {
  const filterCriteria: ListCoverageRequest['filterCriteria'] = {
    resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' }],
    ecrRepositoryName: [{ comparison: 'EQUALS', value: repositoryName }],
    ...(resourceId ? { resourceId: [{ comparison: 'EQUALS', value: resourceId }] } : {}),
  };
  // the SDK's module on first use: a cold start that never reads Inspector never loads it
  const { ListCoverageCommand } = await import('@aws-sdk/client-inspector2');
  const inspector = await aws.inspector2();
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_COVERAGE_PAGES; page++) {
    const response: ListCoverageResponse = await inspector.send(
      new ListCoverageCommand({
        filterCriteria,
        maxResults: PAGE.inspectorCoverage,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    yield response;
    nextToken = response.nextToken;
    if (!nextToken) return;
  }
  context.session.warn(
    `inspector2:ListCoverage of ${repositoryName} stopped after ${MAX_COVERAGE_PAGES} pages: the images not listed carry no Inspector view`,
  );
}
