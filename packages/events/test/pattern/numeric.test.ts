import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';

function priceMatches(numeric: readonly (string | number)[], price: unknown): boolean {
  return matchesEventPattern({ detail: { price: [{ numeric }] } }, { detail: { price } });
}

describe('numeric', () => {
  it('compares with =, <, <=, > and >=', () => {
    expect(priceMatches(['=', 100], 100)).toBe(true);
    expect(priceMatches(['=', 100], 100.000001)).toBe(false);
    expect(priceMatches(['<', 10], 9.99)).toBe(true);
    expect(priceMatches(['<', 10], 10)).toBe(false);
    expect(priceMatches(['<=', 10], 10)).toBe(true);
    expect(priceMatches(['>', 10], 10)).toBe(false);
    expect(priceMatches(['>=', 10], 10)).toBe(true);
    expect(priceMatches(['>', -5], -4)).toBe(true);
  });

  it('honours open and closed range ends', () => {
    expect(priceMatches(['>', 10, '<=', 20], 10)).toBe(false);
    expect(priceMatches(['>', 10, '<=', 20], 20)).toBe(true);
    expect(priceMatches(['>=', 10, '<', 20], 10)).toBe(true);
    expect(priceMatches(['>=', 10, '<', 20], 20)).toBe(false);
  });

  it('treats 3.018e2 and 301.8 as the same number', () => {
    const pattern = JSON.parse('{"x-limit": [{"numeric": ["=", 3.018e2]}]}');
    expect(matchesEventPattern(pattern, { 'x-limit': 301.8 })).toBe(true);
  });

  it('only matches JSON numbers, never numeric strings, booleans or null', () => {
    expect(priceMatches(['>', 0], '5')).toBe(false);
    expect(priceMatches(['>', 0], true)).toBe(false);
    expect(priceMatches(['<', 1], null)).toBe(false);
  });

  it('matches when any number of an event array is in range', () => {
    expect(priceMatches(['>', 10], [1, 2, 30])).toBe(true);
    expect(priceMatches(['>', 10], [1, 2, 3])).toBe(false);
  });
});
