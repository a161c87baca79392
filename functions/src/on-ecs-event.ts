import { ECR_READER, ECS_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: ECS events routed by the `customs-ecs` rule (packages/events); reads ECS
 * (whose task definitions' roles and images the ECS reader reads from IAM and ECR), and the ECR
 * images whose digests started or stopped running (their findings' `inUse`).
 */
const readers = { services: { ecs: ECS_READER, ecr: ECR_READER } };

export const handler = createEventHandler('on-ecs-event', reading(readers));
