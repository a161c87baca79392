import { describe, expect, it } from 'vitest';
import { safeText } from '../src/text/safe-text.js';

describe('safeText', () => {
  it('shows ANSI escapes and other control characters as visible escapes', () => {
    // Prepare
    const hostile = '\u001b[2J\u001b[1;31mALL CHECKS PASSED\u0007\u009b';

    // Act
    const shown = safeText(hostile);

    // Assess
    expect(shown).toBe('\\u001b[2J\\u001b[1;31mALL CHECKS PASSED\\u0007\\u009b');
    const controls = [...shown].filter(
      (char) => char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f),
    );
    expect(controls).toEqual([]);
  });

  it('escapes line breaks unless asked to keep them', () => {
    expect(safeText('a\nb\tc\rd')).toBe('a\\nb\\tc\\rd');
    expect(safeText('a\nb\r', { keepNewlines: true })).toBe('a\nb\\r');
  });

  it('replaces lone surrogates so the text always encodes, and keeps real pairs', () => {
    // Prepare
    const lone = `prod-\ud800-cluster-\udc00`;

    // Act
    const shown = safeText(lone);

    // Assess
    expect(shown).toBe('prod-\ufffd-cluster-\ufffd');
    expect(() => encodeURIComponent(shown)).not.toThrow();
    expect(safeText('ship 🚢')).toBe('ship 🚢');
  });

  it('cuts long text and says how much it left out', () => {
    // Prepare
    const huge = 'x'.repeat(1_000_088);

    // Act
    const shown = safeText(huge, { maxLength: 100 });

    // Assess
    expect(shown).toBe(`${'x'.repeat(100)}… (999988 more characters)`);
    expect(safeText(huge).length).toBeLessThan(600);
  });

  it('turns values that are not strings into text', () => {
    expect(safeText(42)).toBe('42');
    expect(safeText(undefined)).toBe('undefined');
  });
});
