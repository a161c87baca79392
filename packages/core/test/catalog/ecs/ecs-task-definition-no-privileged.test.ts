import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoPrivileged as check } from '../../../src/catalog/ecs/ecs-task-definition-no-privileged.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-no-privileged', () => {
  it('passes AWS’s describe-task-definition sample, which sets privileged nowhere', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8: none of its 2 container(s) is privileged',
    });
  });

  it('fails a privileged container, naming it and only it', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      containers: [ecsContainer({ privileged: true }), ecsContainer({ name: 'sidecar', privileged: false })],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Task definition hello_world:8 runs privileged container(s) wordpress (privileged: true)',
    });
  });

  it('passes privileged: false written out', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ containers: [ecsContainer({ privileged: false })] }),
    );
    expect(outcome.status).toBe('PASS');
  });

  it('lists at most ten privileged containers, then how many more', () => {
    const containers = Array.from({ length: 12 }, (_, index) =>
      ecsContainer({ name: `c${index}`, privileged: true }),
    );
    const outcome = runCheck(check, sampleTaskDefinition({ containers }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 2 more');
    expect(outcome.message).not.toContain('c10');
  });

  it('is NOT_APPLICABLE, with the reason, on a task definition without containers', () => {
    expect(runCheck(check, sampleTaskDefinition({ containers: [] }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 has no container definitions',
    });
  });

  it('judges a container without an image or a name without throwing', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ containers: [ecsContainer({ name: '', image: undefined, privileged: true })] }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 runs privileged container(s) (unnamed container) (privileged: true)',
    });
  });
});
