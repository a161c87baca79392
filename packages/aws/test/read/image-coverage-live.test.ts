import {
  DescribeImageSigningStatusCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  ListImageReferrersCommand,
} from '@aws-sdk/client-ecr';
import { Inspector2Client, ListCoverageCommand } from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsClients, createLimiter, DEFAULT_CONCURRENCY, LiveSession } from '../../src/index.js';
import { DEFAULT_REPORT_POLLING } from '../../src/read/context.js';
import { readRepositoryImages } from '../../src/read/read-repository-images.js';
import { accessDenied } from '../live/helpers/mock-aws.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-central-1';
const REPOSITORY = {
  repositoryName: 'inspector2',
  repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/inspector2`,
};
const digest = (index: number) => `sha256:${index.toString(16).padStart(64, '0')}`;
const details = [0, 1, 2].map((index) => ({
  registryId: ACCOUNT,
  repositoryName: 'inspector2',
  imageDigest: digest(index),
  imageTags: [`v${index}`],
}));

const ecr = mockClient(ECRClient);
const inspector = mockClient(Inspector2Client);
afterEach(() => {
  ecr.reset();
  inspector.reset();
});

/** The registry's scan type, and the per-image reads of an unsigned image without referrers. */
function registry(scanType: 'BASIC' | 'ENHANCED') {
  ecr.on(GetRegistryScanningConfigurationCommand).resolves({
    registryId: ACCOUNT,
    scanningConfiguration: { scanType, rules: [] },
  });
  ecr.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [] });
  ecr.on(ListImageReferrersCommand).resolves({ referrers: [] });
}

/** One CoveredResource of an ECR image as the Amazon Inspector API reference documents it. */
function covered(index: number, inUseCount: number, lastInUseAt?: Date) {
  return {
    resourceType: 'AWS_ECR_CONTAINER_IMAGE' as const,
    resourceId: `${REPOSITORY.repositoryArn}/${digest(index)}`,
    accountId: ACCOUNT,
    scanType: 'PACKAGE' as const,
    scanStatus: { statusCode: 'ACTIVE' as const, reason: 'SUCCESSFUL' as const },
    resourceMetadata: {
      ecrRepository: { name: 'inspector2', scanFrequency: 'SCAN_ON_PUSH' as const },
      ecrImage: {
        tags: [`v${index}`],
        inUseCount,
        ...(lastInUseAt ? { lastInUseAt } : {}),
        imagePulledAt: new Date('2026-11-29T08:00:00Z'),
      },
    },
  };
}

function context() {
  const limiters = Object.fromEntries(
    Object.entries(DEFAULT_CONCURRENCY).map(([service, n]) => [service, createLimiter(n)]),
  ) as never;
  const session = new LiveSession({ clients: createAwsClients({ region: REGION }), limiters });
  return {
    session,
    scope: { accountId: ACCOUNT, region: REGION },
    reportPolling: DEFAULT_REPORT_POLLING,
    incomplete: [],
  };
}

describe("the ECR image reader with Inspector's coverage (aws-sdk-client-mock)", () => {
  it("reads a repository's coverage one call per page, filtered to its images, when scanning is ENHANCED", async () => {
    // Prepare: two pages; image 2 is not covered
    registry('ENHANCED');
    const lastInUseAt = new Date('2026-12-01T23:10:00Z');
    inspector
      .on(ListCoverageCommand)
      .resolvesOnce({ coveredResources: [covered(0, 3, lastInUseAt)], nextToken: 'page-2' })
      .resolvesOnce({ coveredResources: [covered(1, 0)] });

    // Act
    const images = await readRepositoryImages(context(), REPOSITORY, details, true);

    // Assess
    const calls = inspector.commandCalls(ListCoverageCommand).map((call) => call.args[0].input);
    expect(calls).toEqual([
      {
        filterCriteria: {
          resourceType: [{ comparison: 'EQUALS', value: 'AWS_ECR_CONTAINER_IMAGE' }],
          ecrRepositoryName: [{ comparison: 'EQUALS', value: 'inspector2' }],
        },
        maxResults: 200,
      },
      expect.objectContaining({ nextToken: 'page-2' }),
    ]);
    expect(images.map((image) => image.inspector)).toEqual([
      { inUseCount: 3, lastInUseAt, imagePulledAt: new Date('2026-11-29T08:00:00Z') },
      { inUseCount: 0, imagePulledAt: new Date('2026-11-29T08:00:00Z') },
      undefined,
    ]);
    expect(images.every((image) => image.unreadable === undefined)).toBe(true);
  });

  it('asks for the one image of an event by its resourceId', async () => {
    // Prepare
    registry('ENHANCED');
    inspector.on(ListCoverageCommand).resolves({ coveredResources: [covered(1, 2)] });

    // Act
    const [image] = await readRepositoryImages(context(), REPOSITORY, [details[1] as never], false);

    // Assess
    const [call] = inspector.commandCalls(ListCoverageCommand);
    expect(call?.args[0].input.filterCriteria?.resourceId).toEqual([
      { comparison: 'EQUALS', value: `${REPOSITORY.repositoryArn}/${digest(1)}` },
    ]);
    expect(image?.inspector?.inUseCount).toBe(2);
  });

  it('makes no Inspector call when scanning is BASIC', async () => {
    // Prepare
    registry('BASIC');

    // Act
    const images = await readRepositoryImages(context(), REPOSITORY, details, true);

    // Assess
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(0);
    expect(images).toHaveLength(3);
    expect(images.some((image) => 'inspector' in image)).toBe(false);
  });

  it('still reads the images when ListCoverage is denied, naming the reason', async () => {
    // Prepare
    registry('ENHANCED');
    inspector.on(ListCoverageCommand).rejects(accessDenied('inspector2', 'inspector2:ListCoverage'));
    const read = context();

    // Act
    const images = await readRepositoryImages(read, REPOSITORY, details, true);

    // Assess
    expect(images).toHaveLength(3);
    expect(images.map((image) => image.unreadable)).toEqual(
      details.map(() => ({ inspector: 'AccessDenied: inspector2:ListCoverage' })),
    );
    expect(images.map((image) => image.digest)).toEqual(details.map((detail) => detail.imageDigest));
    expect(read.session.warnings).toEqual([
      expect.stringContaining('AccessDenied: inspector2:ListCoverage (1 call)'),
    ]);
  });

  it('notes an unknown scan type (GetRegistryScanningConfiguration denied) and asks Inspector nothing', async () => {
    // Prepare
    registry('ENHANCED');
    ecr
      .on(GetRegistryScanningConfigurationCommand)
      .rejects(accessDenied('ecr', 'ecr:GetRegistryScanningConfiguration'));

    // Act
    const images = await readRepositoryImages(context(), REPOSITORY, details, true);

    // Assess
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(0);
    expect(images[0]?.unreadable).toEqual({
      inspector: 'registry scan type unknown: AccessDenied: ecr:GetRegistryScanningConfiguration',
    });
  });
});
