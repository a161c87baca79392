import { createEventHandler } from './event-handler.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';

/** Lambda entry point: EKS events routed by the `customs-eks` rule (packages/events). */
export const handler = createEventHandler('on-eks-event', lambdaDependencies);
