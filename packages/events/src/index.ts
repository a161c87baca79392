export { EventValidationError } from './errors.js';
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
export {
  ECR_RULE,
  EKS_RULE,
  EVENT_RULES,
  type EventHandlerName,
  type EventRule,
  IAM_RULE,
} from './rules/rules.js';
export type { Envelope } from './schemas/envelope.js';
export { type ParsedEvent, parseEvent } from './schemas/parse-event.js';
