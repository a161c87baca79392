import { describe, expect, it } from 'vitest';
import { ecsClusterTagged as check } from '../../../src/catalog/ecs/ecs-cluster-tagged.js';
import { sampleCluster } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-cluster-tagged', () => {
  it('is not applicable while requiredTagKeys is empty (the default), tagged or not', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Cluster default: no tag keys are required (requiredTagKeys is empty)',
    });
    expect(runCheck(check, sampleCluster({ tags: { team: 'a' } })).status).toBe('NOT_APPLICABLE');
  });

  it('fails naming each missing key, compared exactly', () => {
    // Prepare
    const resource = sampleCluster({ tags: { Team: 'payments' } });
    // Act
    const outcome = runCheck(check, resource, { requiredTagKeys: ['team', 'owner'] });
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Cluster default lacks required tag key(s) team, owner',
    });
  });

  it('passes when every required key is present, an empty value included', () => {
    const outcome = runCheck(check, sampleCluster({ tags: { team: 'payments', owner: '' } }), {
      requiredTagKeys: ['team', 'owner'],
    });
    expect(outcome.status).toBe('PASS');
  });
});
