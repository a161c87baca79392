import { EventValidationError } from '../errors.js';
import { MAX_EVENT_DEPTH } from '../schemas/event-bounds.js';

/**
 * Visits the non-array elements of an event array, nested arrays included (EventBridge matches an
 * array field by its elements, at any nesting), in order, without recursion: an explicit stack of
 * positions, so an event nested 100,000 deep costs a loop, not a stack overflow. `visit` returns
 * true to stop. Arrays nested deeper than {@link MAX_EVENT_DEPTH} (what PutEvents processes) are
 * an EventValidationError.
 * @example forEachLeafElement([1, [2, [3]]], (element) => element === 3) // true
 */
export function forEachLeafElement(array: readonly unknown[], visit: (element: unknown) => boolean): boolean {
  const arrays: (readonly unknown[])[] = [array];
  const positions: number[] = [0];
  while (arrays.length > 0) {
    const top = arrays.length - 1;
    const current = arrays[top] as readonly unknown[];
    const position = positions[top] as number;
    if (position >= current.length) {
      arrays.pop();
      positions.pop();
      continue;
    }
    positions[top] = position + 1;
    const element = current[position];
    if (Array.isArray(element)) {
      if (arrays.length >= MAX_EVENT_DEPTH) {
        throw new EventValidationError(
          `an array in the event is nested over ${MAX_EVENT_DEPTH} levels deep; EventBridge processes at most ${MAX_EVENT_DEPTH}`,
        );
      }
      arrays.push(element);
      positions.push(0);
    } else if (visit(element)) {
      return true;
    }
  }
  return false;
}
