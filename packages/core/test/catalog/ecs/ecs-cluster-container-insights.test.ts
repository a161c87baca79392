import { describe, expect, it } from 'vitest';
import { ecsClusterContainerInsights as check } from '../../../src/catalog/ecs/ecs-cluster-container-insights.js';
import { sampleCluster } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-cluster-container-insights', () => {
  it("fails AWS's describe-clusters sample, which has no containerInsights setting", () => {
    // Prepare
    const cluster = sampleCluster();
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Cluster default has containerInsights=unset (enabled or enhanced required)',
    });
  });

  it('passes enabled and enhanced, in any case', () => {
    for (const value of ['enabled', 'enhanced', 'ENABLED']) {
      const outcome = runCheck(check, sampleCluster({ settings: { containerInsights: value } }));
      expect(outcome, value).toEqual({
        status: 'PASS',
        message: `Cluster default has Container Insights ${value}`,
      });
    }
  });

  it('fails disabled, an empty value and an unknown one, naming the value', () => {
    for (const value of ['disabled', '', 'on']) {
      const outcome = runCheck(check, sampleCluster({ settings: { containerInsights: value } }));
      expect(outcome.status, value).toBe('FAIL');
      expect(outcome.message).toContain(`containerInsights=${value} `);
    }
  });
});
