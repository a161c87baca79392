import { compileNode } from './compile-node.js';
import { isPlainObject, reject } from './guards.js';
import type { EventPattern, EventPredicate } from './types.js';

const compiled = new WeakMap<object, EventPredicate>();

/**
 * Validates `pattern` and compiles it once into a predicate on events; the result is cached per
 * pattern object, so treat patterns as immutable. Throws EventPatternError for an invalid pattern.
 * @example
 * const isPush = compileEventPattern({ source: ['aws.ecr'], detail: { 'action-type': ['PUSH'] } });
 * isPush(event); // true for an ECR push
 */
export function compileEventPattern(pattern: EventPattern): EventPredicate {
  if (!isPlainObject(pattern)) reject([], 'an event pattern must be a JSON object');
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const predicate: EventPredicate = compileNode(pattern, []);
  compiled.set(pattern, predicate);
  return predicate;
}
