import { ECR_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/** Lambda entry point: ECR events routed by the `customs-ecr` rule (packages/events); reads ECR only. */
export const handler = createEventHandler('on-ecr-event', reading({ services: { ecr: ECR_READER } }));
