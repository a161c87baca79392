import { createHash } from 'node:crypto';
import { cloudTrailEvent, imageActionEvent } from './aws-events.js';
import { deploy, ECS_SCENE, paymentsImage, registered, registerRevision, updated } from './ecs-scene.js';
import { K8S_SCENE } from './k8s-scene.js';
import { editCredentialReport, editSnapshotJson, writeSnapshotJson } from './snapshot-files.js';
import type { StoryStep } from './story-step.js';

const REPOSITORY = 'team/payments-api';
const IMAGES_FILE = 'ecr/DescribeImages/team%2Fpayments-api.json';
const digestOf = (tag: string) =>
  `sha256:${createHash('sha256').update(`brightwater/payments-api:${tag}`).digest('hex')}`;
const VULNERABLE = { tag: 'v2.15.0', digest: digestOf('v2.15.0') };
const FIXED = { tag: 'v2.15.1', digest: digestOf('v2.15.1') };

type ImageDetail = Record<string, unknown> & { imageDigest: string };
type Images = { imageDetails: ImageDetail[] };

/** An image as `aws ecr describe-images` prints it, pushed `minutes` before the capture, scanned. */
function imageDetail(
  capturedAt: Date,
  image: { tag: string; digest: string },
  minutes: number,
  counts: Record<string, number>,
): ImageDetail {
  const pushedAt = capturedAt.getTime() / 1000 - minutes * 60;
  return {
    registryId: '111122223333',
    repositoryName: REPOSITORY,
    imageDigest: image.digest,
    imageTags: [image.tag],
    imageSizeInBytes: 98_561_204,
    imagePushedAt: pushedAt,
    imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
    imageScanFindingsSummary: {
      imageScanCompletedAt: pushedAt + 70,
      vulnerabilitySourceUpdatedAt: pushedAt - 3600,
      findingSeverityCounts: counts,
    },
    imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactMediaType: 'application/vnd.oci.image.config.v1+json',
    imageStatus: 'ACTIVE',
  };
}

/** A Notation signature referrer, as `aws ecr list-image-referrers` prints it. */
function notationSignature(image: { tag: string }) {
  return {
    referrers: [
      {
        digest: digestOf(`${image.tag}.sig`),
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: 'application/vnd.cncf.notary.signature',
        size: 1023,
        artifactStatus: 'ACTIVE',
      },
    ],
  };
}

const setPublicCidrs = (cidrs: string[]) => (dir: string) =>
  editSnapshotJson<{ cluster: { resourcesVpcConfig: Record<string, unknown> } }>(
    dir,
    'eks/DescribeCluster/prod.json',
    (body) => ({
      cluster: {
        ...body.cluster,
        resourcesVpcConfig: { ...body.cluster.resourcesVpcConfig, publicAccessCidrs: cidrs },
      },
    }),
  );

/**
 * The demo story `customs start` plays on the demo account after its sweep: a vulnerable image
 * pushed, deployed to the payments service before its fix (now running: one Slack message), the fix
 * rolled out and the vulnerable image deleted, a cluster endpoint opened to the world and closed, an IAM user losing MFA, an
 * ECS service deployed with a privileged container and an access key, then fixed, and a
 * privileged pod applied on the prod cluster, then deleted (announced by its audit log).
 * Each step changes the account (the snapshot folder) and sends the events AWS would send.
 */
export const DEMO_STORY: StoryStep[] = [
  {
    title: `A developer pushes ${REPOSITORY}:${VULNERABLE.tag}, unsigned, with 2 critical and 3 high vulnerabilities`,
    change: (dir, capturedAt) =>
      editSnapshotJson<Images>(dir, IMAGES_FILE, (body) => ({
        imageDetails: [
          ...body.imageDetails,
          imageDetail(capturedAt, VULNERABLE, 30, { CRITICAL: 2, HIGH: 3, MEDIUM: 5 }),
        ],
      })),
    events: (scope) => [imageActionEvent('PUSH', scope, REPOSITORY, VULNERABLE.digest, VULNERABLE.tag)],
  },
  {
    title: `Before its fix, ${REPOSITORY}:${VULNERABLE.tag} is deployed to payments/payments-api as payments-api:8: now running in production`,
    async change(dir, capturedAt) {
      await registerRevision(dir, capturedAt, 8, false, paymentsImage(VULNERABLE.tag));
      await deploy(dir, capturedAt, 8, VULNERABLE.digest);
    },
    events: (scope) => [registered(scope, 8, false, paymentsImage(VULNERABLE.tag)), updated(scope, 7, 8)],
  },
  {
    title: `The fix ${FIXED.tag} is pushed, signed, and rolled out as payments-api:9: nothing runs ${VULNERABLE.tag} any more`,
    async change(dir, capturedAt) {
      await editSnapshotJson<Images>(dir, IMAGES_FILE, (body) => ({
        imageDetails: [...body.imageDetails, imageDetail(capturedAt, FIXED, 5, { MEDIUM: 1, LOW: 2 })],
      }));
      await writeSnapshotJson(
        dir,
        `ecr/ListImageReferrers/team%2Fpayments-api/${encodeURIComponent(FIXED.digest)}.json`,
        notationSignature(FIXED),
      );
      await registerRevision(dir, capturedAt, 9, false, paymentsImage(FIXED.tag));
      await deploy(dir, capturedAt, 9, FIXED.digest);
    },
    events: (scope) => [
      imageActionEvent('PUSH', scope, REPOSITORY, FIXED.digest, FIXED.tag),
      registered(scope, 9, false, paymentsImage(FIXED.tag)),
      updated(scope, 8, 9),
    ],
  },
  {
    title: `${VULNERABLE.tag} is deleted`,
    change: (dir) =>
      editSnapshotJson<Images>(dir, IMAGES_FILE, (body) => ({
        imageDetails: body.imageDetails.filter((image) => image.imageDigest !== VULNERABLE.digest),
      })),
    events: (scope) => [imageActionEvent('DELETE', scope, REPOSITORY, VULNERABLE.digest, VULNERABLE.tag)],
  },
  {
    title: "Someone opens the prod cluster's API endpoint to 0.0.0.0/0",
    change: setPublicCidrs(['0.0.0.0/0']),
    events: (scope) => [
      cloudTrailEvent('aws.eks', scope, 'UpdateClusterConfig', {
        name: 'prod',
        resourcesVpcConfig: { publicAccessCidrs: ['0.0.0.0/0'] },
      }),
    ],
  },
  {
    title: 'The platform team restricts it again',
    change: setPublicCidrs(['203.0.113.0/24']),
    events: (scope) => [
      cloudTrailEvent('aws.eks', scope, 'UpdateClusterConfig', {
        name: 'prod',
        resourcesVpcConfig: { publicAccessCidrs: ['203.0.113.0/24'] },
      }),
    ],
  },
  {
    title: 'maria.garcia deactivates her only MFA device',
    change: (dir) =>
      editCredentialReport(dir, (rows) => {
        const header = rows[0] ?? [];
        const mfa = header.indexOf('mfa_active');
        return rows.map((row) =>
          row[0] === 'maria.garcia' ? row.map((cell, index) => (index === mfa ? 'false' : cell)) : row,
        );
      }),
    events: (scope) => [
      cloudTrailEvent('aws.iam', scope, 'DeactivateMFADevice', {
        userName: 'maria.garcia',
        serialNumber: 'arn:aws:iam::111122223333:mfa/maria.garcia',
      }),
    ],
  },
  ...ECS_SCENE,
  ...K8S_SCENE,
];
