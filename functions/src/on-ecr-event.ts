import { createEventHandler } from './event-handler.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';

/** Lambda entry point: ECR events routed by the `customs-ecr` rule (packages/events). */
export const handler = createEventHandler('on-ecr-event', lambdaDependencies);
