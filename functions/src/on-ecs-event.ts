import { createEventHandler } from './event-handler.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';

/** Lambda entry point: ECS events routed by the `customs-ecs` rule (packages/events). */
export const handler = createEventHandler('on-ecs-event', lambdaDependencies);
