import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import {
  checkEventBounds,
  MAX_EVENT_BYTES,
  MAX_EVENT_DEPTH,
  measureEvent,
} from '../../src/schemas/event-bounds.js';
import { parseEvent } from '../../src/schemas/parse-event.js';
import { sampleEvent } from '../load-event.js';

/** `{"a": {"a": … 1 …}}`, `depth` objects deep, built without recursion. */
function nestedObjects(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe('the size and nesting an event may have', () => {
  it("measures an event's JSON size and depth", () => {
    const event = sampleEvent('ecr-image-action-push');
    const measure = measureEvent(event);
    expect(measure).toEqual({ bytes: JSON.stringify(event).length, depth: 2 });
  });

  it('rejects an event over 256 KB, naming the limit', () => {
    // Prepare: AWS's push with a 300 KB tag
    const event = sampleEvent('ecr-image-action-push');
    event.detail['image-tag'] = 'x'.repeat(300 * 1024);
    // Act & Assess
    expect(() => parseEvent(event)).toThrow(EventValidationError);
    expect(() => parseEvent(event)).toThrow(`the event is over ${MAX_EVENT_BYTES} bytes as JSON`);
  });

  it('accepts an event of 255 KB', () => {
    const event = sampleEvent('ecr-image-action-push');
    event.detail['image-tag'] = 'x'.repeat(255 * 1024);
    expect(() => checkEventBounds(event)).not.toThrow();
  });

  it('rejects an event nested 20,000 deep without overflowing the stack', () => {
    // Prepare: nesting that JSON.parse accepts and a recursive walk would not survive
    const text = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const event = { ...sampleEvent('ecr-image-action-push'), extra: JSON.parse(text) };
    // Act & Assess
    expect(() => parseEvent(event)).toThrow(`the event is nested over ${MAX_EVENT_DEPTH} levels deep`);
  });

  it('accepts the 1,100 levels PutEvents processes, and not one more', () => {
    const event = (depth: number) => ({
      ...sampleEvent('ecr-image-action-push'),
      extra: nestedObjects(depth),
    });
    expect(() => checkEventBounds(event(MAX_EVENT_DEPTH - 1))).not.toThrow();
    expect(() => checkEventBounds(event(MAX_EVENT_DEPTH))).toThrow(EventValidationError);
  });

  it('stops at the limit on a cyclic value rather than looping', () => {
    const cyclic: Record<string, unknown> = { source: 'aws.ecr' };
    cyclic.self = cyclic;
    expect(measureEvent(cyclic).over).toBe('depth');
    const wide: unknown[] = [];
    for (let index = 0; index < 10; index++) wide.push(wide);
    expect(measureEvent(wide).over).toBeDefined();
  });
});
