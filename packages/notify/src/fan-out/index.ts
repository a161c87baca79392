export { targetFailureLine } from './describe-failure.js';
export {
  createFanOut,
  type DeliverOptions,
  type FanOut,
  type FanOutDependencies,
} from './fan-out.js';
export { type FanOutReport, type OutboxPort, type TargetFailure, transitionKey } from './model.js';
export { planDeliveries } from './plan-deliveries.js';
export type { HoldPolicy } from './send-slack.js';
