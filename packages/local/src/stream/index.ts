export {
  FINDING_ITEM_FILTERS,
  type LocalFanOut,
  localNotifyConfig,
  startLocalFanOut,
} from './local-fan-out.js';
export { StreamPoller } from './stream-poller.js';
