import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionLoggingConfigured as check } from '../../../src/catalog/ecs/ecs-task-definition-logging-configured.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app' } };

describe('ecs-task-definition-logging-configured', () => {
  it('fails AWS’s describe-task-definition sample, which has no logConfiguration', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 has container(s) without logging: wordpress (no logConfiguration), mysql (no logConfiguration)',
    });
  });

  it('fails a logConfiguration without a log driver, naming only that container', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      containers: [
        ecsContainer({ logConfiguration: awslogs }),
        ecsContainer({ name: 'mysql', logConfiguration: { options: {} } }),
      ],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Task definition hello_world:8 has container(s) without logging: mysql (no logDriver)',
    });
  });

  it('passes when every container has a driver, naming each', () => {
    const taskDefinition = sampleTaskDefinition({
      containers: [
        ecsContainer({ logConfiguration: awslogs }),
        ecsContainer({ name: 'mysql', logConfiguration: { logDriver: 'awsfirelens', options: {} } }),
      ],
    });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 logs every container: wordpress (awslogs), mysql (awsfirelens)',
    });
  });

  it('is NOT_APPLICABLE without containers', () => {
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
