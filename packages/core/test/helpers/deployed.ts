import type { DeployedImageState } from '../../src/types/deployed-image.js';
import type { EcsContainer, EcsTaskDefinition } from '../../src/types/ecs.js';
import type { K8sContainer, K8sWorkload } from '../../src/types/kubernetes.js';
import { daysAgo, imageScan } from './ecr.js';
import { ecsContainer, sampleTaskDefinition } from './ecs.js';
import { k8sContainer, podTemplate, sampleWorkload } from './k8s.js';

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

/** A container image of this account's ECR, as the ECS and Kubernetes deployed-image tests deploy it. */
export const ECS_IMAGE = `${ECS_ECR}/team/app:v1`;
export const K8S_IMAGE = `${K8S_ECR}/team/app:v1`;

/**
 * A task definition revision a service runs (2 tasks of prod/payments), one container per
 * override (`c0`, `c1`…), each of ECS_IMAGE running RUNNING unless overridden.
 * @example runCheck(check, ecsRunning({ deployedImages: [foundImage()] }))
 */
export function ecsRunning(...containers: Partial<EcsContainer>[]): EcsTaskDefinition {
  return sampleTaskDefinition({
    use: { latestActive: true, services: ['prod/payments'], runningTasks: 2 },
    containers: containers.map((overrides, index) =>
      ecsContainer({ name: `c${index}`, image: ECS_IMAGE, runningDigests: [RUNNING], ...overrides }),
    ),
  });
}

/**
 * The EKS documentation's nginx Deployment with `runningPods` pods, one container per override,
 * each of K8S_IMAGE whose pods report RUNNING as their imageID unless overridden.
 * @example runCheck(check, k8sRunning(3, { deployedImages: [foundImage()] }))
 */
export function k8sRunning(runningPods: number, ...containers: Partial<K8sContainer>[]): K8sWorkload {
  return sampleWorkload({
    runningPods,
    template: podTemplate({
      containers: containers.map((overrides) =>
        k8sContainer({ image: K8S_IMAGE, runningImageIds: [`${K8S_ECR}/team/app@${RUNNING}`], ...overrides }),
      ),
    }),
  });
}
