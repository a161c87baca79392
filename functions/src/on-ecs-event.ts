import { ECS_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: ECS events routed by the `customs-ecs` rule (packages/events); reads ECS
 * (whose task definitions' roles and images the ECS reader reads from IAM and ECR).
 */
export const handler = createEventHandler('on-ecs-event', reading({ services: { ecs: ECS_READER } }));
