import { describe, expect, it } from 'vitest';
import { ecsServiceTagged as check } from '../../../src/catalog/ecs/ecs-service-tagged.js';
import { sampleService } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-service-tagged', () => {
  it('is not applicable while requiredTagKeys is empty (the default), tagged or not', () => {
    expect(runCheck(check, sampleService())).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Service default/my-http-service: no tag keys are required (requiredTagKeys is empty)',
    });
    expect(runCheck(check, sampleService({ tags: { team: 'a' } })).status).toBe('NOT_APPLICABLE');
  });

  it('fails naming each missing key, compared exactly', () => {
    // Prepare
    const resource = sampleService({ tags: { Team: 'payments' } });
    // Act
    const outcome = runCheck(check, resource, { requiredTagKeys: ['team', 'owner'] });
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Service default/my-http-service lacks required tag key(s) team, owner',
    });
  });

  it('passes when every required key is present, an empty value included', () => {
    const outcome = runCheck(check, sampleService({ tags: { team: 'payments', owner: '' } }), {
      requiredTagKeys: ['team', 'owner'],
    });
    expect(outcome.status).toBe('PASS');
  });
});
