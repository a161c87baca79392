export {
  ACTION_OF_OPERATION,
  iamPolicy,
  type Operation,
  READ_ACTIONS,
  readActions,
  readOperations,
  SERVICES,
  type Service,
} from './actions.js';
export {
  AccountUnknownError,
  AwsCollector,
  type AwsCollectorOptions,
  type CollectUnit,
  DEFAULT_CONCURRENCY,
} from './aws-collector.js';
export { type ErrorKind, errorKind } from './aws-errors.js';
export { type AwsClients, type ClientOptions, createAwsClients, DEFAULT_MAX_ATTEMPTS } from './clients.js';
export { DEFAULT_REPORT_POLLING, type ReportPolling } from './credential-report.js';
export { createLimiter, type Limiter } from './limiter.js';
export { mergePages } from './pages.js';
export { SnapshotRecording, toCliJson } from './record.js';
export { MultiRegionCollector, type RegionalCollectorFactory } from './regions.js';
export type { Recorder } from './session.js';
