export { transitionFromStreamRecord, transitionsFromStreamRecords } from './from-stream-records.js';
export type {
  FindingTransition,
  NotifiedFinding,
  NotifiedState,
  TransitionKind,
} from './model.js';
