import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionEfsTransitEncryption as check } from '../../../src/catalog/ecs/ecs-task-definition-efs-transit-encryption.js';
import { sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-efs-transit-encryption', () => {
  it('is NOT_APPLICABLE on AWS’s describe-task-definition sample, which has no volumes', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 has no EFS volumes',
    });
  });

  it('is NOT_APPLICABLE with only Docker and host volumes', () => {
    const volumes = [
      { name: 'cache', docker: true },
      { name: 'logs', hostSourcePath: '/var/log' },
    ];
    expect(runCheck(check, sampleTaskDefinition({ volumes })).status).toBe('NOT_APPLICABLE');
  });

  it('fails EFS volumes with transit encryption DISABLED or unset, naming each and the value', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      volumes: [
        { name: 'uploads', efs: { fileSystemId: 'fs-0a1b2c3d', transitEncryption: 'DISABLED' } },
        { name: 'shared', efs: { fileSystemId: 'fs-9f8e7d6c' } },
        { name: 'safe', efs: { fileSystemId: 'fs-11112222', transitEncryption: 'ENABLED' } },
      ],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 mounts EFS without transit encryption: uploads (fs-0a1b2c3d, transitEncryption DISABLED), shared (fs-9f8e7d6c, transitEncryption unset, so DISABLED)',
    });
  });

  it('passes when every EFS volume has transit encryption ENABLED', () => {
    const taskDefinition = sampleTaskDefinition({
      volumes: [
        {
          name: 'shared',
          efs: { fileSystemId: 'fs-9f8e7d6c', transitEncryption: 'ENABLED', iam: 'ENABLED' },
        },
        { name: 'cache', docker: true },
      ],
    });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 encrypts all 1 EFS volume(s) in transit: shared',
    });
  });

  it('judges an EFS volume without a name or file system id without throwing', () => {
    const outcome = runCheck(check, sampleTaskDefinition({ volumes: [{ efs: {} }] }));
    expect(outcome.message).toContain(
      '(unnamed volume) (no file system id, transitEncryption unset, so DISABLED)',
    );
  });
});
