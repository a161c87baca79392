import { describe, expect, it } from 'vitest';
import { fastestOfMs, peakRss } from './measure.js';

describe('bench measurements', () => {
  it('peakRss reports the peak a child reached, even after it let the memory go', async () => {
    // Prepare: a child that touches 256 MiB, then drops it; and one that does nothing
    const touching = ['-e', 'let b = Buffer.alloc(256 * 2 ** 20, 1); b = null;'];
    const idle = ['-e', ''];
    // Act
    const [big, small] = [await peakRss(touching), await peakRss(idle)];
    // Assess
    expect(big.exitCode).toBe(0);
    expect(big.peakMiB).toBeGreaterThanOrEqual(256);
    expect(small.peakMiB).toBeLessThan(256);
    expect(small.peakMiB).toBeGreaterThan(0);
  });

  it('peakRss says when the child failed, with its error', async () => {
    const failed = await peakRss(['-e', 'throw new Error("no snapshot here")']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('no snapshot here');
  });

  it('fastestOfMs warms each work once and then runs every work once a round, in turn', () => {
    // Prepare
    const order: string[] = [];
    // Act
    const times = fastestOfMs({ a: () => order.push('a'), b: () => order.push('b') }, 3);
    // Assess: counts and order only (no timed assertion)
    expect(order.join('')).toBe('abababab');
    expect(Object.keys(times)).toEqual(['a', 'b']);
    expect(times.a).toBeGreaterThanOrEqual(0);
  });
});
