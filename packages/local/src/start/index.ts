export { LOCAL_EVENTS_MAX_BODY_BYTES, LOCAL_EVENTS_PATH } from '../constants.js';
export { StartError } from './errors.js';
export { localBodyLimit, withLocalEvents } from './local-events-route.js';
export { type RunningStack, type StartOptions, startStack } from './start-stack.js';
