export { StartError } from './errors.js';
export { LOCAL_EVENTS_PATH, withLocalEvents } from './local-events-route.js';
export { type RunningStack, type StartOptions, startStack } from './start-stack.js';
