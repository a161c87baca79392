export { LocalBus } from './local-bus.js';
