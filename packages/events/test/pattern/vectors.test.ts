import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';
import { loadVectors } from './fixtures.js';

const vectors = loadVectors();

describe('EventBridge user guide vectors', () => {
  it('loads every vector', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(44);
  });

  for (const vector of vectors) {
    it(vector.name, () => {
      expect(matchesEventPattern(vector.pattern, vector.event)).toBe(vector.match);
    });
  }
});
