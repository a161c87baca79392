import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { snapshotPath } from '@customs/aws';
import { type LocalPipeline, startLocalPipeline } from '@customs/local';
import { processEvent } from '@customs/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCopy, editJson } from '../helpers/demo-copy.js';
import { DEMO_SCOPE, sampleEvent } from '../helpers/sample-events.js';

/**
 * The event path of Inspector's view (enhanced scanning), on the demo account made ENHANCED and
 * DynamoDB Local: an Inspector2 Finding event for an image re-reads it with Inspector's coverage,
 * and its findings carry `inUse.inspector` beside the inventory's own count; a later event after
 * Inspector's count changed moves it.
 */
const LEGACY = 'sha256:fe5cb192c34a74b33ea22fbc3a7646be4fb5033da51ec27f38c2e9a405be6cf5';
const REPOSITORY_ARN = `arn:aws:ecr:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:repository/legacy-batch`;
const LONG = 300_000;

/** ListCoverage of legacy-batch as the Inspector API reference shapes a CoveredResource. */
function coverage(inUseCount: number, lastInUseAt: string) {
  return {
    coveredResources: [
      {
        resourceType: 'AWS_ECR_CONTAINER_IMAGE',
        resourceId: `${REPOSITORY_ARN}/${LEGACY}`,
        accountId: DEMO_SCOPE.accountId,
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        resourceMetadata: {
          ecrRepository: { name: 'legacy-batch', scanFrequency: 'SCAN_ON_PUSH' },
          ecrImage: { tags: ['1.0.0'], inUseCount, lastInUseAt },
        },
      },
    ],
  };
}

/** AWS's "Inspector2 Finding" sample (Inspector user guide), for the demo's legacy-batch image. */
function inspectorFinding() {
  const event = sampleEvent('inspector2-finding-ecr');
  const [resource] = event.detail.resources as Record<string, unknown>[];
  const details = (resource?.details ?? {}) as { awsEcrContainerImage: Record<string, unknown> };
  return {
    ...event,
    account: DEMO_SCOPE.accountId,
    region: DEMO_SCOPE.region,
    resources: [`${REPOSITORY_ARN}/${LEGACY}`],
    detail: {
      ...event.detail,
      awsAccountId: DEMO_SCOPE.accountId,
      resources: [
        {
          ...resource,
          id: `${REPOSITORY_ARN}/${LEGACY}`,
          details: {
            awsEcrContainerImage: {
              ...details.awsEcrContainerImage,
              registry: DEMO_SCOPE.accountId,
              repositoryName: 'legacy-batch',
              imageHash: LEGACY,
            },
          },
        },
      ],
    },
  };
}

describe("an Inspector2 Finding event re-reads the image with Inspector's view of its use", () => {
  let pipeline: LocalPipeline;
  let dir: string;
  const writeCoverage = async (body: unknown) => {
    const file = join(dir, snapshotPath('inspector2', 'ListCoverage', 'legacy-batch'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(body));
  };

  beforeAll(async () => {
    dir = await demoCopy();
    await editJson<{ scanningConfiguration: Record<string, unknown> }>(
      dir,
      'ecr/GetRegistryScanningConfiguration.json',
      (body) => ({ ...body, scanningConfiguration: { ...body.scanningConfiguration, scanType: 'ENHANCED' } }),
    );
    await writeCoverage(coverage(4, '2026-12-01T23:10:00Z'));
    pipeline = await startLocalPipeline({ snapshotDir: dir });
  }, LONG);
  afterAll(async () => {
    await pipeline?.stop();
  });

  it(
    "stores Inspector's count beside the inventory's, and follows it when it changes",
    async () => {
      // Act
      const first = await processEvent(inspectorFinding(), pipeline.dependencies);
      const imageChange = first.changes.find((change) => change.resourceId === `${REPOSITORY_ARN}@${LEGACY}`);
      const before = await pipeline.repository.getFinding(imageChange?.findingId ?? '');
      await writeCoverage(coverage(0, '2026-12-02T01:00:00Z'));
      await processEvent(inspectorFinding(), pipeline.dependencies);
      const after = await pipeline.repository.getFinding(imageChange?.findingId ?? '');

      // Assess: nothing the demo's inventory knows runs it before the deployments are read; Inspector says 4
      expect(before?.inUse).toEqual({
        running: 0,
        where: [],
        inspector: { inUseCount: 4, lastInUseAt: '2026-12-01T23:10:00.000Z' },
      });
      expect(after?.inUse?.inspector).toEqual({ inUseCount: 0, lastInUseAt: '2026-12-02T01:00:00.000Z' });
    },
    LONG,
  );
});
