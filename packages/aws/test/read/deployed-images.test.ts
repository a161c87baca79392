import { describe, expect, it } from 'vitest';
import { SnapshotFiles, SnapshotSession } from '../../src/index.js';
import { DEFAULT_REPORT_POLLING } from '../../src/read/context.js';
import { readDeployedImages } from '../../src/read/read-deployed-images.js';
import { cliJson } from '../helpers/fixtures.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';

/** AWS's describe-images sample: `cluster-autoscaler:v1.13.6` in account 012345678910's registry. */
const SAMPLE = cliJson('ecr/describe-images.json') as { imageDetails: Record<string, unknown>[] };
const ACCOUNT = '012345678910';
const REGION = 'us-east-1';
const ECR = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
const DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';
const MOVED = `sha256:${'b'.repeat(64)}`;
const GONE = `sha256:${'c'.repeat(64)}`;
const IMAGE = `${ECR}/cluster-autoscaler:v1.13.6`;

/** The sample with a scan summary and ECR managed signing (DescribeImageSigningStatus's shape), derived. */
function files(extra: Record<string, unknown>[] = []): Record<string, unknown> {
  const [detail] = SAMPLE.imageDetails;
  return {
    'ecr/DescribeImages/cluster-autoscaler.json': {
      imageDetails: [
        {
          ...detail,
          imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
          imageScanFindingsSummary: { findingSeverityCounts: { HIGH: 2 } },
        },
        ...extra,
      ],
    },
    [`ecr/DescribeImageSigningStatus/cluster-autoscaler/${encodeURIComponent(DIGEST)}.json`]: {
      repositoryName: 'cluster-autoscaler',
      imageId: { imageDigest: DIGEST },
      registryId: ACCOUNT,
      signingStatuses: [
        {
          signingProfileArn: 'arn:aws:signer:us-east-1:012345678910:/signing-profiles/p',
          status: 'COMPLETE',
        },
      ],
    },
  };
}

async function read(snapshot: Record<string, unknown>, reads: Parameters<typeof readDeployedImages>[1]) {
  const session = new SnapshotSession(new SnapshotFiles(await writeSnapshot(snapshot)));
  const context = {
    session,
    scope: { accountId: ACCOUNT, region: REGION },
    reportPolling: DEFAULT_REPORT_POLLING,
    incomplete: [],
  };
  return readDeployedImages(context, reads);
}

describe('readDeployedImages over a snapshot (AWS’s describe-images sample)', () => {
  it('reads a running image of this account’s ECR: scan, signing, push time, and where its tag points', async () => {
    // Act
    const [result] = await read(files(), [{ image: IMAGE, running: [DIGEST] }]);
    // Assess
    expect(result).toEqual({
      states: [
        {
          digest: DIGEST,
          registry: 'ecr',
          repositoryName: 'cluster-autoscaler',
          tagDigest: DIGEST,
          state: 'found',
          scan: {
            status: 'COMPLETE',
            description: 'The scan was completed successfully.',
            severityCounts: { HIGH: 2 },
          },
          signingStatus: 'COMPLETE',
          referrerArtifactTypes: [],
          pushedAt: new Date(1565128275 * 1000),
        },
      ],
    });
  });

  it('resolves a tag-only spec to the digest its tag points at, and names drift when the tag moved', async () => {
    // Prepare: v1.13.6 moved to another image; the running digest is now untagged
    const [detail] = SAMPLE.imageDetails;
    const snapshot = files([{ ...detail, imageDigest: MOVED, imageTags: ['v1.13.6'] }]);
    const untagged = snapshot['ecr/DescribeImages/cluster-autoscaler.json'] as {
      imageDetails: Record<string, unknown>[];
    };
    untagged.imageDetails[0] = { ...untagged.imageDetails[0], imageTags: [] };
    // Act
    const [running, specOnly] = await read(snapshot, [
      { image: IMAGE, running: [DIGEST] },
      { image: IMAGE, running: [] },
    ]);
    // Assess
    expect(running?.states.map((s) => [s.digest, s.state, s.tagDigest])).toEqual([[DIGEST, 'found', MOVED]]);
    expect(specOnly?.states.map((s) => [s.digest, s.state, s.tagDigest])).toEqual([[MOVED, 'found', MOVED]]);
  });

  it('says a running digest deleted from ECR is not found, and a tag that resolves to nothing has no digest', async () => {
    const [deleted, tagless] = await read(files(), [
      { image: IMAGE, running: [GONE] },
      { image: `${ECR}/cluster-autoscaler:v9`, running: [] },
    ]);
    expect(deleted?.states).toEqual([
      expect.objectContaining({
        digest: GONE,
        state: 'not-found',
        reason: 'not in repository cluster-autoscaler',
      }),
    ]);
    expect(tagless?.states).toEqual([
      expect.objectContaining({
        state: 'not-found',
        reason: 'tag v9 is not in repository cluster-autoscaler',
      }),
    ]);
    expect(tagless?.states[0]).not.toHaveProperty('digest');
  });

  it('is unreadable, with the reason, for another account’s ECR; not-ecr elsewhere; nothing for a malformed reference', async () => {
    const [other, hub, bad] = await read(files(), [
      { image: `999999999999.dkr.ecr.${REGION}.amazonaws.com/team/app:v1`, running: [DIGEST] },
      { image: `docker.io/library/nginx@${DIGEST}`, running: [] },
      { image: 'Team/App:v1', running: [DIGEST] },
    ]);
    // the state says why and whose; the checks judge it (ERROR unless trustedImageAccounts lists it)
    expect(other).toEqual({
      states: [
        {
          digest: DIGEST,
          registry: 'ecr-other',
          registryAccountId: '999999999999',
          repositoryName: 'team/app',
          state: 'unreadable',
          reason: `team/app is in the ECR of account 999999999999 in ${REGION}; Customs reads the ECR of account ${ACCOUNT} in ${REGION} only`,
          referrerArtifactTypes: [],
        },
      ],
    });
    expect(hub?.states).toEqual([
      { digest: DIGEST, registry: 'elsewhere', state: 'not-ecr', referrerArtifactTypes: [] },
    ]);
    expect(bad).toEqual({ states: [] });
  });

  it('a repository that is not there leaves every image of it not found', async () => {
    const [result] = await read({}, [{ image: `${ECR}/gone/app:v1`, running: [DIGEST] }]);
    expect(result?.states).toEqual([expect.objectContaining({ digest: DIGEST, state: 'not-found' })]);
  });
});
