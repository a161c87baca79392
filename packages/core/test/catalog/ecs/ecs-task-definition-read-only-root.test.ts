import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionReadOnlyRoot as check } from '../../../src/catalog/ecs/ecs-task-definition-read-only-root.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-read-only-root', () => {
  it('fails AWS’s describe-task-definition sample, which leaves readonlyRootFilesystem out of both containers', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 gives container(s) wordpress (unset), mysql (unset) a writable root file system (readonlyRootFilesystem is not true)',
    });
  });

  it('fails readonlyRootFilesystem: false, naming only the writable container', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      containers: [
        ecsContainer({ readonlyRootFilesystem: true }),
        ecsContainer({ name: 'mysql', readonlyRootFilesystem: false }),
      ],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('container(s) mysql (false)');
    expect(outcome.message).not.toContain('wordpress');
  });

  it('passes when every container is read-only, on Linux or with no family set', () => {
    const containers = [ecsContainer({ readonlyRootFilesystem: true })];
    expect(runCheck(check, sampleTaskDefinition({ containers })).status).toBe('PASS');
    expect(runCheck(check, sampleTaskDefinition({ containers, operatingSystemFamily: 'LINUX' }))).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8: all 1 container(s) have a read-only root file system',
    });
  });

  it('is NOT_APPLICABLE on a Windows task definition, as ECS.5 is', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' }),
    );
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Task definition hello_world:8 is a Windows task definition (WINDOWS_SERVER_2019_CORE): readonlyRootFilesystem applies to Linux containers only',
    });
  });

  it('is NOT_APPLICABLE on a task definition without containers', () => {
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
