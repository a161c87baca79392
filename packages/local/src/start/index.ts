export { LOCAL_EVENTS_PATH } from '../constants.js';
export { localBodyLimit, withLocalEvents } from './local-events-route.js';
export { type RunningStack, startStack } from './start-stack.js';
