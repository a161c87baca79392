import { EventValidationError } from '../errors.js';

/**
 * The largest event accepted, in bytes of its JSON form: EventBridge's 256 KB PutEvents entry
 * limit, plus 1 KiB for the envelope (`version`, `id`, `account`, `region`, the keys) that
 * EventBridge wraps around an entry.
 */
export const MAX_EVENT_BYTES = 256 * 1024 + 1024;

/** The deepest nesting accepted: "PutEvents will only process nested JSON up to 1100 levels deep". */
export const MAX_EVENT_DEPTH = 1100;

/** How big and how deep a value is, as far as it was measured. */
export interface EventMeasure {
  /** Bytes of its JSON form (UTF-8 strings, quotes, separators; escapes count as one character). */
  bytes: number;
  /** Levels of objects and arrays (a scalar is 0, `{}` is 1). */
  depth: number;
  /** Why measuring stopped early, when the value is over a limit. */
  over?: 'bytes' | 'depth';
}

function scalarBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8') + 2;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).length;
  if (typeof value === 'boolean') return value ? 4 : 5;
  return 4; // null, and what JSON would write as null or leave out
}

/**
 * Measures a value without recursion (an explicit stack), stopping as soon as it is over
 * `maxBytes` or `maxDepth`: so it is safe and quick on any value, however deep, large or cyclic
 * (a cycle only ever grows the measure until a limit stops it).
 * @example measureEvent({ a: [1, 2] }) // { bytes: 11, depth: 2 }
 */
export function measureEvent(
  value: unknown,
  maxBytes = MAX_EVENT_BYTES,
  maxDepth = MAX_EVENT_DEPTH,
): EventMeasure {
  let bytes = 0;
  let depth = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; depth: number };
    const current = top.value;
    if (current === null || typeof current !== 'object') {
      bytes += scalarBytes(current);
    } else {
      const level = top.depth + 1;
      if (level > depth) depth = level;
      if (depth > maxDepth) return { bytes, depth, over: 'depth' };
      if (Array.isArray(current)) {
        bytes += 2 + Math.max(0, current.length - 1);
        if (bytes > maxBytes) return { bytes, depth, over: 'bytes' };
        for (let index = current.length - 1; index >= 0; index--) {
          stack.push({ value: current[index], depth: level });
        }
      } else {
        const keys = Object.keys(current);
        bytes += 2 + Math.max(0, keys.length - 1);
        for (const key of keys) {
          bytes += Buffer.byteLength(key, 'utf8') + 3;
          if (bytes > maxBytes) return { bytes, depth, over: 'bytes' };
          stack.push({ value: (current as Record<string, unknown>)[key], depth: level });
        }
      }
    }
    if (bytes > maxBytes) return { bytes, depth, over: 'bytes' };
  }
  return { bytes, depth };
}

/**
 * Throws an EventValidationError when an event is larger or deeper than EventBridge delivers
 * ({@link MAX_EVENT_BYTES}, {@link MAX_EVENT_DEPTH}); checked before anything else reads it.
 * @example checkEventBounds(JSON.parse(body));
 */
export function checkEventBounds(event: unknown): void {
  const measure = measureEvent(event);
  if (measure.over === 'bytes') {
    throw new EventValidationError(
      `the event is over ${MAX_EVENT_BYTES} bytes as JSON; EventBridge delivers events of at most 256 KB`,
    );
  }
  if (measure.over === 'depth') {
    throw new EventValidationError(
      `the event is nested over ${MAX_EVENT_DEPTH} levels deep; EventBridge processes at most ${MAX_EVENT_DEPTH}`,
    );
  }
}
