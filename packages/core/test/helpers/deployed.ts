import type { DeployedImageState } from '../../src/types/deployed-image.js';
import { daysAgo, imageScan } from './ecr.js';

/** The ECR registry of the ECS helpers' account and region (AWS's describe-task-definition sample). */
export const ECS_ECR = '012345678910.dkr.ecr.us-east-1.amazonaws.com';
/** The ECR registry of the Kubernetes helpers' account and region (the EKS documentation's). */
export const K8S_ECR = '111122223333.dkr.ecr.us-west-2.amazonaws.com';
export const RUNNING = `sha256:${'a'.repeat(64)}`;
export const MOVED = `sha256:${'b'.repeat(64)}`;

/**
 * An image in this account's ECR as DescribeImages, DescribeImageSigningStatus and
 * ListImageReferrers give it, normalised: pushed 10 days ago, scanned clean, signed by ECR.
 */
export function foundImage(overrides: Partial<DeployedImageState> = {}): DeployedImageState {
  return {
    digest: RUNNING,
    registry: 'ecr',
    repositoryName: 'team/app',
    state: 'found',
    scan: imageScan(),
    signingStatus: 'COMPLETE',
    referrerArtifactTypes: [],
    pushedAt: daysAgo(10),
    ...overrides,
  };
}

/** An image outside ECR (Docker Hub), as the reader gives it: no ECR state to read. */
export function elsewhereImage(digest = RUNNING): DeployedImageState {
  return { digest, registry: 'elsewhere', state: 'not-ecr', referrerArtifactTypes: [] };
}

/** An ECR image that runs but DescribeImages says `ImageNotFoundException` of. */
export function deletedImage(digest = RUNNING): DeployedImageState {
  return {
    digest,
    registry: 'ecr',
    repositoryName: 'team/app',
    state: 'not-found',
    reason: 'ImageNotFoundException',
    referrerArtifactTypes: [],
  };
}
