import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionMemoryLimit as check } from '../../../src/catalog/ecs/ecs-task-definition-memory-limit.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-memory-limit', () => {
  it('passes AWS’s describe-task-definition sample (memory 500 on both), noting that neither sets maxSwap', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'PASS',
      message:
        'Task definition hello_world:8 limits container memory: wordpress 500 MiB, mysql 500 MiB; note: no maxSwap on wordpress, mysql (swap follows the container instance)',
    });
  });

  it('fails a container with no hard limit and no task memory, saying when it has only a reservation', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      containers: [
        ecsContainer({ memory: undefined, memoryReservation: 128 }),
        ecsContainer({ name: 'mysql', memory: undefined }),
        ecsContainer({
          name: 'limited',
          memory: 256,
          linuxParameters: { capabilitiesAdd: [], capabilitiesDrop: [], devices: [], maxSwap: 0 },
        }),
      ],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 sets no task memory and no memory hard limit for container(s) wordpress (memoryReservation 128 MiB only, a soft limit), mysql; note: no maxSwap on wordpress, mysql (swap follows the container instance)',
    });
  });

  it('counts task-level memory (Fargate), with no swap note on a Fargate-only task definition', () => {
    const taskDefinition = sampleTaskDefinition({
      requiresCompatibilities: ['FARGATE'],
      memory: '1024',
      containers: [ecsContainer({ memory: undefined })],
    });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message: "Task definition hello_world:8 limits the task's memory to 1024",
    });
  });

  it('fails a memory of 0 and is NOT_APPLICABLE without containers', () => {
    const zero = sampleTaskDefinition({
      requiresCompatibilities: ['FARGATE'],
      containers: [ecsContainer({ memory: 0 })],
    });
    expect(runCheck(check, zero).status).toBe('FAIL');
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
