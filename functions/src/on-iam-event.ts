import { createEventHandler } from './event-handler.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';

/** Lambda entry point: IAM events routed by the `customs-iam` rule (packages/events). */
export const handler = createEventHandler('on-iam-event', lambdaDependencies);
