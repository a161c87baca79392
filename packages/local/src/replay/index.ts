export { boundedJson } from './bounded-json.js';
export { safeReason } from './describe.js';
export { type EventEntry, readEventsFile } from './read-events.js';
export {
  KEPT_TEXT_CHARS,
  rejectedLine,
  rejectedLogWriter,
} from './rejected-log.js';
export {
  type ReplayOptions,
  type ReplayReport,
  replayEvents,
} from './replay-events.js';
export { replayRemote } from './replay-remote.js';
