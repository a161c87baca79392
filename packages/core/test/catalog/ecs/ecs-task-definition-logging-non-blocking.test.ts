import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionLoggingNonBlocking as check } from '../../../src/catalog/ecs/ecs-task-definition-logging-non-blocking.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const logging = (name: string, mode?: string) =>
  ecsContainer({
    name,
    logConfiguration: { logDriver: 'awslogs', options: mode === undefined ? {} : { mode } },
  });

describe('ecs-task-definition-logging-non-blocking', () => {
  it('is NOT_APPLICABLE on AWS’s describe-task-definition sample, where no container has a log driver', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 has no container with a log driver',
    });
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });

  it('fails mode blocking and undocumented modes, naming the container and the mode', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      containers: [logging('web', 'blocking'), logging('worker', 'non-blocking'), logging('batch', 'async')],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 delivers logs in blocking mode for container(s) web (mode blocking), batch (mode async)',
    });
  });

  it('passes non-blocking in any case, and ignores containers without a log driver', () => {
    const taskDefinition = sampleTaskDefinition({
      containers: [logging('web', 'Non-Blocking'), ecsContainer({ name: 'init' })],
    });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 delivers logs without blocking for its 1 logged container(s)',
    });
  });

  it('passes an unset mode, ECS’s non-blocking default, saying it depends on the account setting', () => {
    const outcome = runCheck(check, sampleTaskDefinition({ containers: [logging('web')] }));
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        "Task definition hello_world:8 delivers logs without blocking for its 1 logged container(s); web set no mode: ECS's default, non-blocking since 25 June 2025 unless the account setting defaultLogDriverMode is blocking",
    });
  });
});
