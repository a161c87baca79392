import type { ResourceRef } from '@customs/core';
import { type LocalPipeline, startLocalPipeline } from '@customs/local';
import { assessRefs, processEvent } from '@customs/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCopy } from '../helpers/demo-copy.js';
import { DEMO_SCOPE, sampleEvent } from '../helpers/sample-events.js';

/**
 * Both directions of the digest → deployments index on the demo account and DynamoDB Local: the
 * deployments' digests move the ECR images' `inUse`, and an ECR image's scan result re-assesses
 * exactly the deployments that run its digest.
 */
const PAYMENTS = 'sha256:3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';
const LEGACY = 'sha256:fe5cb192c34a74b33ea22fbc3a7646be4fb5033da51ec27f38c2e9a405be6cf5';
const ECS = `arn:aws:ecs:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:task-definition`;
const PROD = `arn:aws:eks:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:cluster/prod`;
const DEPLOYMENTS: ResourceRef[] = [
  { type: 'ecs-task-definition', name: 'payments-api:7' },
  { type: 'ecs-task-definition', name: 'legacy-batch:4' },
  { type: 'ecs-task-definition', name: 'settlement-reports:3' },
  { type: 'k8s-workload', name: 'payments/Deployment/api', parent: 'prod' },
  { type: 'k8s-workload', name: 'batch/Job/report', parent: 'prod' },
];
const DEPLOYMENT_TYPES = new Set(['ecs-task-definition', 'k8s-workload']);

/** AWS's "ECR Image Scan" sample, for an image of the demo account. */
function scanResult(repository: string, digest: string) {
  const event = sampleEvent('ecr-image-scan-basic');
  return {
    ...event,
    account: DEMO_SCOPE.accountId,
    region: DEMO_SCOPE.region,
    resources: [`arn:aws:ecr:${DEMO_SCOPE.region}:${DEMO_SCOPE.accountId}:repository/${repository}`],
    detail: { ...event.detail, 'repository-name': repository, 'image-digest': digest },
  };
}

describe('ECR images and the deployments that run them, both ways', () => {
  let pipeline: LocalPipeline;
  let indexed = false;

  beforeAll(async () => {
    pipeline = await startLocalPipeline({ snapshotDir: await demoCopy() });
  }, 300_000);
  const LONG = 300_000;
  afterAll(async () => {
    await pipeline?.stop();
  });

  it(
    're-assesses the images a deployment starts running: their findings become in use',
    async () => {
      // Act: the deployments are assessed (as their events would), which indexes their digests
      const { changes } = await assessRefs(DEPLOYMENTS, pipeline.dependencies);
      // Assess: the payments image was re-assessed after them, and knows where it runs
      const image = changes.filter((change) => change.resourceId.endsWith(`team/payments-api@${PAYMENTS}`));
      expect(image.length).toBeGreaterThan(0);
      const stored = await pipeline.repository.getFinding(image[0]?.findingId ?? '');
      expect(stored?.inUse).toEqual({
        running: 6,
        where: ['payments/payments-api', 'prod/payments/Deployment/api'],
      });
      indexed = true;
    },
    LONG,
  );

  it(
    'a scan result for a digest re-assesses exactly the deployments that run it',
    async () => {
      expect(indexed).toBe(true);
      // Act
      const payments = await processEvent(scanResult('team/payments-api', PAYMENTS), pipeline.dependencies);
      const legacy = await processEvent(scanResult('legacy-batch', LEGACY), pipeline.dependencies);
      // Assess
      const deployments = (outcome: typeof payments) =>
        [
          ...new Set(
            outcome.changes
              .filter((change) => DEPLOYMENT_TYPES.has(typeOf(change.resourceId)))
              .map((change) => change.resourceId),
          ),
        ].sort();
      expect(deployments(payments)).toEqual([`${ECS}/payments-api:7`, `${PROD}/payments/Deployment/api`]);
      expect(deployments(legacy)).toEqual([`${ECS}/legacy-batch:4`, `${PROD}/batch/Job/report`]);
    },
    LONG,
  );
});

/** The deployment type of a resource id (an ECS revision's ARN, a workload under a cluster's ARN). */
function typeOf(resourceId: string): string {
  if (resourceId.includes(':task-definition/')) return 'ecs-task-definition';
  if (resourceId.startsWith(`${PROD}/`)) return 'k8s-workload';
  return 'other';
}
