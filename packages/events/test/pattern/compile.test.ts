import { describe, expect, it } from 'vitest';
import { compileEventPattern, type EventPattern, matchesEventPattern } from '../../src/index.js';

describe('compileEventPattern', () => {
  it('returns a reusable predicate', () => {
    // Prepare
    const isEcr = compileEventPattern({ source: ['aws.ecr'] });
    // Act
    const results = [{ source: 'aws.ecr' }, { source: 'aws.eks' }, 'not an event', null].map(isEcr);
    // Assess
    expect(results).toEqual([true, false, false, false]);
  });

  it('compiles each pattern object once', () => {
    const pattern: EventPattern = { source: ['aws.ecr'] };
    expect(compileEventPattern(pattern)).toBe(compileEventPattern(pattern));
    expect(compileEventPattern({ source: ['aws.ecr'] })).not.toBe(compileEventPattern(pattern));
  });

  it('routes many events through many rules quickly', () => {
    // Prepare
    const rules: EventPattern[] = Array.from({ length: 200 }, (_, index) => ({
      source: ['aws.ecr'],
      'detail-type': ['ECR Image Action'],
      detail: { 'repository-name': [{ prefix: `team-${index}/` }], 'action-type': ['PUSH'] },
    }));
    const events = Array.from({ length: 2000 }, (_, index) => ({
      source: 'aws.ecr',
      'detail-type': 'ECR Image Action',
      detail: { 'repository-name': `team-${index % 400}/app`, 'action-type': 'PUSH' },
    }));
    // Act
    const started = performance.now();
    let matches = 0;
    for (const event of events) for (const rule of rules) if (matchesEventPattern(rule, event)) matches++;
    const elapsed = performance.now() - started;
    // Assess
    expect(matches).toBe(1000);
    expect(elapsed).toBeLessThan(2000);
  });
});
