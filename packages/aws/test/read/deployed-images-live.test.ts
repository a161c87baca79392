import {
  DescribeImageSigningStatusCommand,
  DescribeImagesCommand,
  ECRClient,
  type ImageIdentifier,
  ListImageReferrersCommand,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsClients, createLimiter, DEFAULT_CONCURRENCY, LiveSession } from '../../src/index.js';
import { DEFAULT_REPORT_POLLING } from '../../src/read/context.js';
import { readDeployedImages } from '../../src/read/read-deployed-images.js';
import { accessDenied, serviceError } from '../live/helpers/mock-aws.js';

const ACCOUNT = '012345678910';
const REGION = 'us-east-1';
const ECR = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
const digest = (index: number) => `sha256:${index.toString(16).padStart(64, '0')}`;

const ecr = mockClient(ECRClient);
afterEach(() => ecr.reset());

/** The per-image reads of a found image: not signed, no referrers. */
function perImageReads() {
  ecr.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [] });
  ecr.on(ListImageReferrersCommand).resolves({ referrers: [] });
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

/** DescribeImages as ECR answers it: the images asked for, ImageNotFoundException when one is not there. */
function describeFrom(present: Set<string>) {
  return (input: { imageIds?: ImageIdentifier[] }) => {
    const ids = input.imageIds ?? [];
    if (
      ids.some((id) => id.imageDigest !== undefined && !present.has(id.imageDigest)) ||
      ids.some((id) => id.imageTag)
    ) {
      throw serviceError('ecr', 'ImageNotFoundException');
    }
    return {
      imageDetails: ids.map((id) => ({
        repositoryName: 'team/app',
        imageDigest: id.imageDigest,
        imagePushedAt: new Date('2026-11-01T00:00:00Z'),
      })),
    };
  };
}

describe('readDeployedImages against ECR (aws-sdk-client-mock)', () => {
  it('asks DescribeImages for 100 ids a call, per repository, never per container', async () => {
    // Prepare: 150 running digests, each run by two containers, all present
    const present = new Set(Array.from({ length: 150 }, (_, index) => digest(index)));
    ecr.on(DescribeImagesCommand).callsFake(describeFrom(present));
    perImageReads();
    const reads = [...present].flatMap((running) => [
      { image: `${ECR}/team/app@${running}`, running: [running] },
      { image: `${ECR}/team/app@${running}`, running: [running] },
    ]);
    // Act
    const results = await readDeployedImages(context(), reads);
    // Assess
    const calls = ecr.commandCalls(DescribeImagesCommand).map((call) => call.args[0].input.imageIds?.length);
    expect(calls).toEqual([100, 50]);
    expect(results.every((result) => result.states[0]?.state === 'found')).toBe(true);
    // the per-image reads: once per distinct digest
    expect(ecr.commandCalls(DescribeImageSigningStatusCommand)).toHaveLength(150);
  });

  it('asks again one id a call only for the batch ECR refused (a deleted digest), and says which is gone', async () => {
    ecr.on(DescribeImagesCommand).callsFake(describeFrom(new Set([digest(1)])));
    perImageReads();
    const [kept, gone] = await readDeployedImages(context(), [
      { image: `${ECR}/team/app@${digest(1)}`, running: [digest(1)] },
      { image: `${ECR}/team/app@${digest(2)}`, running: [digest(2)] },
    ]);
    expect(ecr.commandCalls(DescribeImagesCommand)).toHaveLength(3);
    expect(kept?.states[0]?.state).toBe('found');
    expect(gone?.states[0]).toMatchObject({ digest: digest(2), state: 'not-found' });
  });

  it('makes every image of a repository unreadable, with the action, when DescribeImages is denied', async () => {
    ecr.on(DescribeImagesCommand).rejects(accessDenied('ecr', 'ecr:DescribeImages'));
    const [result] = await readDeployedImages(context(), [
      { image: `${ECR}/team/app:v1`, running: [digest(1)] },
    ]);
    expect(result).toMatchObject({
      states: [{ digest: digest(1), state: 'unreadable', reason: 'AccessDenied: ecr:DescribeImages' }],
      unreadable: 'AccessDenied: ecr:DescribeImages',
    });
  });
});
