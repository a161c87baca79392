export { AwsCollector, type AwsCollectorOptions } from './aws-collector.js';
export { type ErrorKind, errorKind } from './aws-errors.js';
export {
  type AwsClients,
  type ClientMakers,
  type ClientOptions,
  createAwsClients,
  createClients,
  DEFAULT_MAX_ATTEMPTS,
} from './clients.js';
export { createLimiter, type Limiter } from './limiter.js';
export {
  AccountUnknownError,
  DEFAULT_CONCURRENCY,
  LiveCollector,
  type LiveCollectorOptions,
} from './live-collector.js';
export { LiveSession, type Recorder } from './live-session.js';
export { mergePages } from './pages.js';
export { SnapshotRecording, toCliJson } from './record.js';
export { MultiRegionCollector, type RegionalCollectorFactory } from './regions.js';
