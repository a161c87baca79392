import { ECR_READER, ECS_READER, K8S_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: ECR events routed by the `customs-ecr` rule (packages/events). Reads ECR,
 * and the ECS revisions and EKS workloads the digest → deployments index says run the image
 * (their deployed-image findings follow the image: docs/DESIGN.md, "Deployed images").
 */
const readers = { services: { ecr: ECR_READER, ecs: ECS_READER, k8s: K8S_READER } };

export const handler = createEventHandler('on-ecr-event', reading(readers));
