import { compileEventPattern } from './compile.js';
import { isPlainObject, reject } from './guards.js';
import type { EventPattern } from './types.js';

/**
 * Throws an EventPatternError naming the path and the problem when `pattern` is not a pattern
 * EventBridge's PutRule would accept; afterwards `pattern` is typed as an EventPattern.
 * @example validateEventPattern(JSON.parse(text)); // throws on {"source": "aws.ecr"}
 */
export function validateEventPattern(pattern: unknown): asserts pattern is EventPattern {
  if (!isPlainObject(pattern)) reject([], 'an event pattern must be a JSON object');
  compileEventPattern(pattern as EventPattern);
}
