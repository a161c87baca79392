export { type EventEntry, readEventsFile } from './read-events.js';
export { appendRejected, type RejectedRecord } from './rejected-log.js';
export {
  type PublicTransition,
  type ReplayChange,
  type ReplayReport,
  replayEvents,
} from './replay-events.js';
export { replayRemote } from './replay-remote.js';
