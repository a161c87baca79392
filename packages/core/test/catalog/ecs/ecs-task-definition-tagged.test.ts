import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionTagged as check } from '../../../src/catalog/ecs/ecs-task-definition-tagged.js';
import { sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-tagged', () => {
  it('is not applicable while requiredTagKeys is empty (the default), tagged or not', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8: no tag keys are required (requiredTagKeys is empty)',
    });
    expect(runCheck(check, sampleTaskDefinition({ tags: { team: 'a' } })).status).toBe('NOT_APPLICABLE');
  });

  it('fails naming each missing key, compared exactly', () => {
    // Prepare
    const resource = sampleTaskDefinition({ tags: { Team: 'payments' } });
    // Act
    const outcome = runCheck(check, resource, { requiredTagKeys: ['team', 'owner'] });
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Task definition hello_world:8 lacks required tag key(s) team, owner',
    });
  });

  it('passes when every required key is present, an empty value included', () => {
    const outcome = runCheck(check, sampleTaskDefinition({ tags: { team: 'payments', owner: '' } }), {
      requiredTagKeys: ['team', 'owner'],
    });
    expect(outcome.status).toBe('PASS');
  });
});
