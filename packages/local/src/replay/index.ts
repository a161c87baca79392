export { boundedJson } from './bounded-json.js';
export { describeError, safeReason } from './describe.js';
export { type EventEntry, readEventsFile } from './read-events.js';
export {
  appendRejected,
  KEPT_TEXT_CHARS,
  MAX_KEPT_EVENT_BYTES,
  type RejectedRecord,
  rejectedLine,
  rejectedLogWriter,
} from './rejected-log.js';
export {
  type PublicTransition,
  type ReplayChange,
  type ReplayOptions,
  type ReplayReport,
  replayEvents,
  type UnchangedEvent,
} from './replay-events.js';
export { replayRemote } from './replay-remote.js';
