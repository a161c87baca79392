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

  it('routes 2,000 events through 200 prefix rules, each matching exactly the rule of its prefix', () => {
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
    let matches = 0;
    for (const event of events) for (const rule of rules) if (matchesEventPattern(rule, event)) matches++;
    // Assess
    expect(matches).toBe(1000);
  });
});
