import { EventPatternError } from './errors.js';
import { formatPath, type PatternPath } from './path.js';
import type { EventPatternValue } from './types.js';

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON scalar: string, finite number, boolean or null. */
export function isScalar(value: unknown): value is EventPatternValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** A finite JSON number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Throws the EventPatternError for `problem` at `path`. */
export function reject(path: PatternPath, problem: string): never {
  throw new EventPatternError(formatPath(path), problem);
}

/** The own property `key` of an event object, or undefined (never one inherited from Object.prototype). */
export function ownField(object: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}
