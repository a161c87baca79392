export { targetFailureLine } from './describe-failure.js';
export {
  createFanOut,
  type FanOut,
  type FanOutDependencies,
} from './fan-out.js';
export { type FanOutReport, type TargetFailure, transitionKey } from './model.js';
export { planDeliveries } from './plan-deliveries.js';
