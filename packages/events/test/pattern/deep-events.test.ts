import { describe, expect, it } from 'vitest';
import { EventValidationError } from '../../src/errors.js';
import { matchesEventPattern, SERVICE_RULES } from '../../src/index.js';
import { sampleEvent } from '../load-event.js';

/** `[[[…value…]]]`, `depth` arrays deep, built without recursion. */
function nestedArrays(depth: number, value: unknown): unknown {
  let nested = value;
  for (let level = 0; level < depth; level++) nested = [nested];
  return nested;
}

const createCluster = sampleEvent('cloudtrail-eks-createcluster');

describe('matching events nested deep in a field the rules inspect', () => {
  it('matches a value in nested arrays as EventBridge does, at any depth it processes', () => {
    const event = {
      ...createCluster,
      detail: { ...createCluster.detail, eventName: nestedArrays(1000, 'CreateCluster') },
    };
    expect(matchesEventPattern(SERVICE_RULES.eks.pattern, event)).toBe(true);
  });

  it('rejects 100,000 nested arrays in eventName with an EventValidationError, not a stack overflow', () => {
    // Prepare: what JSON.parse gives for 200 KB of brackets
    const text = `${'['.repeat(100_000)}"CreateCluster"${']'.repeat(100_000)}`;
    const event = { ...createCluster, detail: { ...createCluster.detail, eventName: JSON.parse(text) } };
    // Act & Assess
    expect(() => matchesEventPattern(SERVICE_RULES.eks.pattern, event)).toThrow(EventValidationError);
    expect(() => matchesEventPattern(SERVICE_RULES.eks.pattern, event)).toThrow(
      /nested over 1100 levels deep/,
    );
  });

  it('looks into objects in deeply nested arrays of detail without recursion', () => {
    const event = { ...createCluster, detail: nestedArrays(1000, createCluster.detail) };
    expect(matchesEventPattern(SERVICE_RULES.eks.pattern, event)).toBe(true);
    const deeper = { ...createCluster, detail: nestedArrays(100_000, createCluster.detail) };
    expect(() => matchesEventPattern(SERVICE_RULES.eks.pattern, deeper)).toThrow(EventValidationError);
  });
});
