import { compileEventPattern } from './compile.js';
import type { EventPattern } from './types.js';

/**
 * Whether `event` matches the EventBridge `pattern`. The pattern is validated and compiled on first
 * use and cached per pattern object; an invalid pattern throws EventPatternError.
 * @example matchesEventPattern({ source: ['aws.ecr'] }, { source: 'aws.ecr' }) // true
 */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  return compileEventPattern(pattern)(event);
}
