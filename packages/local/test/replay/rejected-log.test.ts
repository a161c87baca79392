import { describe, expect, it } from 'vitest';
import { boundedJson, KEPT_TEXT_CHARS, rejectedLine } from '../../src/replay/index.js';

const at = '2026-11-28T12:00:00.000Z';

describe('the rejected log', () => {
  it('keeps an event as it came, one JSON line', () => {
    const event = { source: 'aws.ecr', detail: { __proto__: 1, list: [1, 'x', null, true] } };
    const line = rejectedLine({ at, index: 3, reason: 'detail.image-digest: missing', event });
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({ at, index: 3, reason: 'detail.image-digest: missing', event });
  });

  it('writes JSON exactly as JSON.stringify would for what JSON.parse gives', () => {
    const event = JSON.parse(
      '{"__proto__":{"a":1},"s":"\\u0000\\ud800é","n":-1.5e-7,"e":[],"o":{},"u":[[[]]]}',
    );
    expect(boundedJson(event, 10_000)).toEqual({ text: JSON.stringify(event), complete: true });
  });

  it('keeps a part of an event nested 20,000 deep as text, where JSON.stringify throws', () => {
    // Prepare
    const text = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const event = JSON.parse(text);
    expect(() => JSON.stringify(event)).toThrow(RangeError);
    // Act
    const line = rejectedLine({ at, index: 0, reason: 'too deep', event });
    // Assess
    const kept = JSON.parse(line) as { truncated: boolean; eventText: string };
    expect(kept.truncated).toBe(true);
    expect(kept.eventText).toBe(text.slice(0, KEPT_TEXT_CHARS));
  });

  it('keeps the start of a huge event or line, and writes cycles and odd values without failing', () => {
    const huge = { source: 'x'.repeat(2_000_000) };
    const kept = JSON.parse(rejectedLine({ at, reason: 'big', event: huge })) as { eventText: string };
    expect(kept.eventText.length).toBe(KEPT_TEXT_CHARS);
    const line = JSON.parse(
      rejectedLine({ at, reason: 'not JSON', event: `{"a": ${'['.repeat(1_000_000)}` }),
    );
    expect(line.eventText.length).toBe(KEPT_TEXT_CHARS);
    const cyclic: Record<string, unknown> = {
      a: 1n,
      f: () => 1,
      u: undefined,
      list: [undefined, Symbol('s')],
    };
    cyclic.self = cyclic;
    expect(boundedJson(cyclic, 1000)).toEqual({
      text: '{"a":1,"list":[null,null],"self":"[Circular]"}',
      complete: true,
    });
  });
});
