export * from './bus/index.js';
export { runDashboard } from './cli/commands/dashboard.js';
export * from './dynamodb/index.js';
export { type ApiServer, localSweepStarter, startApiServer } from './http/index.js';
export type { SigningProxy } from './proxy/index.js';
export * from './replay/index.js';
export * from './runtime/index.js';
export {
  LOCAL_EVENTS_PATH,
  localBodyLimit,
  type RunningStack,
  startStack,
  withLocalEvents,
} from './start/index.js';
export * from './story/index.js';
export * from './stream/index.js';
