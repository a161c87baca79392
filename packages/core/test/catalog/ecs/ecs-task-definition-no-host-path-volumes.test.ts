import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoHostPathVolumes as check } from '../../../src/catalog/ecs/ecs-task-definition-no-host-path-volumes.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-no-host-path-volumes', () => {
  it('passes AWS’s describe-task-definition sample, which has no volumes', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 has no volumes',
    });
  });

  it('fails a host path volume, naming the path and which containers mount it and how', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      volumes: [{ name: 'docker-sock', hostSourcePath: '/var/run/docker.sock' }],
      containers: [
        ecsContainer({
          mountPoints: [
            { sourceVolume: 'docker-sock', containerPath: '/var/run/docker.sock', readOnly: true },
          ],
        }),
        ecsContainer({
          name: 'mysql',
          mountPoints: [{ sourceVolume: 'docker-sock', containerPath: '/sock' }],
        }),
        ecsContainer({ name: 'idle' }),
      ],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 mounts host paths: docker-sock (/var/run/docker.sock; mounted by wordpress at /var/run/docker.sock, read-only, mysql at /sock, read-write)',
    });
  });

  it('fails a host path no container mounts, saying so', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ volumes: [{ name: 'etc', hostSourcePath: '/etc' }] }),
    );
    expect(outcome.message).toBe(
      'Task definition hello_world:8 mounts host paths: etc (/etc; mounted by no container)',
    );
  });

  it('passes a Docker volume, an EFS volume and task storage (a bind mount without a source path)', () => {
    const taskDefinition = sampleTaskDefinition({
      volumes: [
        { name: 'cache', docker: true },
        { name: 'shared', efs: { fileSystemId: 'fs-1234', transitEncryption: 'ENABLED' } },
        { name: 'scratch' },
        { name: 'blank', hostSourcePath: '  ' },
      ],
    });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8: none of its 4 volume(s) is a host path',
    });
  });

  it('judges a task definition without containers on its volumes alone', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ containers: [], volumes: [{ hostSourcePath: '/data' }] }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 mounts host paths: (unnamed volume) (/data; mounted by no container)',
    });
  });
});
