export {
  AUDIT_FILTER_PATTERN,
  type AuditBatch,
  type AuditEventResult,
  auditBatchOf,
  clusterOfLogGroup,
  distinctRefs,
  isAwsLogsPayload,
} from './audit/index.js';
export { EventValidationError, MAX_REASON_LENGTH } from './errors.js';
export {
  compileEventPattern,
  type EventPattern,
  EventPatternError,
  matchesEventPattern,
  validateEventPattern,
} from './pattern/index.js';
export { eventToResourceRefs } from './refs/event-to-refs.js';
export { EVENT_RULES, type EventRule, SERVICE_RULES } from './rules/rules.js';
export {
  checkEventBounds,
  MAX_EVENT_DEPTH,
  measureEvent,
} from './schemas/event-bounds.js';
export { type ParsedEvent, parseEnvelope, parseEvent } from './schemas/parse-event.js';
