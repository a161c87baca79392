export {
  FINDING_ITEM_FILTERS,
  type LocalFanOut,
  type LocalFanOutOptions,
  type LocalFanOutSummary,
  localNotifyConfig,
  startLocalFanOut,
} from './local-fan-out.js';
export {
  type StreamHandler,
  StreamPoller,
  type StreamPollerOptions,
  type StreamPollerStats,
} from './stream-poller.js';
export { toLambdaRecord } from './to-lambda-record.js';
