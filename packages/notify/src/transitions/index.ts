export {
  sweepRunsEndedIn,
  transitionFromStreamRecord,
  transitionsFromStreamRecords,
} from './from-stream-records.js';
export type {
  FindingTransition,
  NotifiedFinding,
  TransitionKind,
} from './model.js';
