export {
  createFanOut,
  type DeliverOptions,
  type FanOut,
  type FanOutDependencies,
} from './fan-out.js';
export { type FanOutReport, type OutboxPort, transitionKey } from './model.js';
export { planDeliveries } from './plan-deliveries.js';
