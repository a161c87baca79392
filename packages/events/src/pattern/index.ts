export { compileEventPattern } from './compile.js';
export { EventPatternError } from './errors.js';
export { matchesEventPattern } from './match.js';
export type {
  AnythingButOperand,
  ContentFilter,
  EventPattern,
  EventPatternValue,
  EventPredicate,
  IgnoreCaseOperand,
  PatternMatcher,
} from './types.js';
export { validateEventPattern } from './validate.js';
