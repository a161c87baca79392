export {
  ACTION_OF_OPERATION,
  actionsOfType,
  iamPolicy,
  needsIam,
  READ_ACTIONS,
  readActions,
  readOperations,
  SERVICES,
  type Service,
} from './actions.js';
export { type CallInfo, type Entity, PAGE } from './call-info.js';
export {
  API_SERVICES,
  type ApiService,
  CALLS,
  type CallName,
  callInfo,
  everyCall,
  missingMeans,
} from './calls.js';
export {
  ACCOUNT_CALLS,
  COLLECTOR_TYPES,
  type CollectorTypeInfo,
  callsOfType,
  snapshotFilesOfType,
  typesOfUnit,
} from './collector-types.js';
