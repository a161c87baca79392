import { describe, expect, it } from 'vitest';
import { summarize } from '../src/summary.js';
import type { Finding } from '../src/types/finding.js';

type Slice = Pick<Finding, 'status' | 'recommendation' | 'severity' | 'resourceType'>;
const finding = (status: Finding['status'], recommendation: Finding['recommendation'] = 'CSA-4'): Slice => ({
  status,
  recommendation,
  severity: 'high',
  resourceType: 'eks-cluster',
});

describe('summarize', () => {
  it('scores passed out of evaluated, leaving NOT_APPLICABLE out and counting ERROR against', () => {
    // Prepare
    const findings = [
      finding('PASS'),
      finding('PASS'),
      finding('FAIL'),
      finding('ERROR'),
      finding('NOT_APPLICABLE'),
    ];
    // Act
    const summary = summarize(findings);
    // Assess
    expect(summary.total).toBe(5);
    expect(summary.byRecommendation['CSA-4']).toEqual({
      passed: 2,
      failed: 1,
      errors: 1,
      notApplicable: 1,
      suppressed: 0,
      evaluated: 4,
      score: 50,
    });
    expect(summary.bySeverity.high.evaluated).toBe(4);
    expect(summary.byResourceType['eks-cluster'].score).toBe(50);
  });

  it('has every recommendation, with a null score where nothing was evaluated', () => {
    const summary = summarize([finding('PASS', 'CSA-1'), finding('NOT_APPLICABLE', 'CSA-2')]);
    expect(Object.keys(summary.byRecommendation)).toEqual(['CSA-1', 'CSA-2', 'CSA-3', 'CSA-4', 'CSA-5']);
    expect(summary.byRecommendation['CSA-1'].score).toBe(100);
    expect(summary.byRecommendation['CSA-2'].score).toBeNull();
    expect(summary.byRecommendation['CSA-3'].evaluated).toBe(0);
  });
});
