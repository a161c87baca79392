export { StartError } from './errors.js';
export {
  LOCAL_EVENTS_MAX_BODY_BYTES,
  LOCAL_EVENTS_PATH,
  localBodyLimit,
  withLocalEvents,
} from './local-events-route.js';
export { type RunningStack, type StartOptions, startStack } from './start-stack.js';
