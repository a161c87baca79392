export { targetFailureLine } from './describe-failure.js';
export {
  createFanOut,
  type FanOut,
  type FanOutDependencies,
} from './fan-out.js';
export { type FanOutReport, transitionKey } from './model.js';
export { planDeliveries } from './plan-deliveries.js';
