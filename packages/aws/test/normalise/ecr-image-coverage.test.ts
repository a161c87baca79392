import { describe, expect, it } from 'vitest';
import { normaliseEcrImage, unreadable } from '../../src/index.js';
import { coverageOfImages } from '../../src/normalise/ecr-image-coverage.js';
import { inspector2 } from '../../src/snapshot/schemas/index.js';

const scope = { accountId: '123456789012', region: 'eu-central-1' };
const REPOSITORY_ARN = 'arn:aws:ecr:eu-central-1:123456789012:repository/inspector2';
// The image of the Inspector user guide's "Amazon ECR package vulnerability finding" event
const DIGEST = 'sha256:84f507df33c6864d49c296fb734192696e4cb6f78166ac51ac8b9b118181085d';
const OTHER = `sha256:${'0'.repeat(64)}`;
const image = (imageDigest: string) => ({
  registryId: '123456789012',
  repositoryName: 'inspector2',
  imageDigest,
});

/** A ListCoverage file as `aws inspector2 list-coverage` prints it (timestamps as epoch seconds). */
const listCoverage = inspector2.listCoverage.parse({
  coveredResources: [
    {
      resourceType: 'AWS_ECR_CONTAINER_IMAGE',
      resourceId: `${REPOSITORY_ARN}/${DIGEST}`,
      accountId: '123456789012',
      scanType: 'PACKAGE',
      scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
      resourceMetadata: {
        ecrRepository: { name: 'inspector2', scanFrequency: 'CONTINUOUS_SCAN' },
        ecrImage: {
          tags: ['ubuntu_latest'],
          inUseCount: 4,
          lastInUseAt: 1764633600,
          imagePulledAt: 1764547200,
        },
      },
    },
    // the repository itself is covered too; it is no image
    {
      resourceType: 'AWS_ECR_REPOSITORY',
      resourceId: REPOSITORY_ARN,
      accountId: '123456789012',
      scanType: 'PACKAGE',
      resourceMetadata: { ecrRepository: { name: 'inspector2', scanFrequency: 'CONTINUOUS_SCAN' } },
    },
  ],
});

describe("normaliseEcrImage with Inspector's coverage", () => {
  it("carries the image's inUseCount, lastInUseAt and imagePulledAt from its own entry", () => {
    // Prepare
    const coverageOf = coverageOfImages(listCoverage);
    // Act
    const normalised = normaliseEcrImage({
      scope,
      repositoryArn: REPOSITORY_ARN,
      image: image(DIGEST),
      coverage: coverageOf(DIGEST),
    });
    // Assess
    expect(normalised.inspector).toEqual({
      inUseCount: 4,
      lastInUseAt: new Date('2025-12-02T00:00:00Z'),
      imagePulledAt: new Date('2025-12-01T00:00:00Z'),
    });
    expect(normalised.unreadable).toBeUndefined();
  });

  it('says nothing of an image Inspector does not cover, or when Inspector was not asked', () => {
    const coverageOf = coverageOfImages(listCoverage);
    const uncovered = normaliseEcrImage({
      scope,
      repositoryArn: REPOSITORY_ARN,
      image: image(OTHER),
      coverage: coverageOf(OTHER),
    });
    const basic = normaliseEcrImage({ scope, repositoryArn: REPOSITORY_ARN, image: image(DIGEST) });
    expect(uncovered.inspector).toBeUndefined();
    expect(basic.inspector).toBeUndefined();
    expect(coverageOfImages(undefined)(DIGEST)).toBeUndefined();
  });

  it('notes an unreadable coverage as unreadable.inspector and still normalises the image', () => {
    // Prepare
    const coverageOf = coverageOfImages(unreadable('AccessDenied: inspector2:ListCoverage'));
    // Act
    const normalised = normaliseEcrImage({
      scope,
      repositoryArn: REPOSITORY_ARN,
      image: image(DIGEST),
      coverage: coverageOf(DIGEST),
    });
    // Assess
    expect(normalised).toMatchObject({ type: 'ecr-image', digest: DIGEST });
    expect(normalised.inspector).toBeUndefined();
    expect(normalised.unreadable).toEqual({ inspector: 'AccessDenied: inspector2:ListCoverage' });
  });

  it('rejects a count that is not a whole non-negative number in a snapshot file', () => {
    const bad = inspector2.listCoverage.safeParse({
      coveredResources: [
        { resourceId: `${REPOSITORY_ARN}/${DIGEST}`, resourceMetadata: { ecrImage: { inUseCount: -1 } } },
      ],
    });
    expect(bad.success).toBe(false);
  });
});
