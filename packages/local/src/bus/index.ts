export { type Delivery, LocalBus, type LocalHandler } from './local-bus.js';
