export { EventValidationError, MAX_REASON_LENGTH } from './errors.js';
export {
  type AnythingButOperand,
  type ContentFilter,
  compileEventPattern,
  type EventPattern,
  EventPatternError,
  type EventPatternValue,
  type EventPredicate,
  type IgnoreCaseOperand,
  matchesEventPattern,
  type PatternMatcher,
  validateEventPattern,
} from './pattern/index.js';
export { eventToResourceRefs } from './refs/event-to-refs.js';
export { EVENT_RULES, type EventRule, SERVICE_RULES } from './rules/rules.js';
export { AWS_NAME_LIMITS, type AwsNameKind, awsNameProblem } from './schemas/aws-names.js';
export { isAccountId, isIsoInstant, isRegionName } from './schemas/aws-values.js';
export type { Envelope } from './schemas/envelope.js';
export {
  checkEventBounds,
  type EventMeasure,
  MAX_EVENT_BYTES,
  MAX_EVENT_DEPTH,
  measureEvent,
} from './schemas/event-bounds.js';
export { type ParsedEvent, parseEnvelope, parseEvent } from './schemas/parse-event.js';
