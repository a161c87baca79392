import { describe, expect, it } from 'vitest';
import { ecsServiceTaskSetsNoPublicIp as check } from '../../../src/catalog/ecs/ecs-service-task-sets-no-public-ip.js';
import type { EcsDeployment } from '../../../src/types/ecs.js';
import { sampleService } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

/** `aws ecs describe-task-sets` (describe-task-sets.json): an ACTIVE EXTERNAL task set, assignPublicIp DISABLED. */
function taskSet(
  overrides: Partial<EcsDeployment & { arn?: string }> = {},
): EcsDeployment & { arn?: string } {
  return {
    id: 'ecs-svc/1234567890123456789',
    arn: 'arn:aws:ecs:us-west-2:123456789012:task-set/MyCluster/MyService/ecs-svc/1234567890123456789',
    status: 'ACTIVE',
    taskDefinitionArn: 'arn:aws:ecs:us-west-2:123456789012:task-definition/sample-fargate:2',
    launchType: 'EC2',
    capacityProviders: [],
    assignPublicIp: 'DISABLED',
    ...overrides,
  };
}

describe('ecs-service-task-sets-no-public-ip', () => {
  it('is not applicable to a service without task sets', () => {
    const outcome = runCheck(check, sampleService());
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Service default/my-http-service has no task sets (its deployments are ECS-managed)',
    });
  });

  it("passes AWS's describe-task-sets sample (assignPublicIp DISABLED)", () => {
    // Prepare
    const service = sampleService({ taskSets: [taskSet()] });
    // Act
    const outcome = runCheck(check, service);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('1 task set(s)');
  });

  it('fails on each task set that enables it, DRAINING ones included, naming id and status', () => {
    const service = sampleService({
      taskSets: [
        taskSet(),
        taskSet({ id: 'ecs-svc/blue', status: 'DRAINING', assignPublicIp: 'ENABLED' }),
        taskSet({ id: undefined, status: undefined, assignPublicIp: 'ENABLED' }),
      ],
    });
    const outcome = runCheck(check, service);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('ecs-svc/blue (DRAINING)');
    expect(outcome.message).toContain(
      'task-set/MyCluster/MyService/ecs-svc/1234567890123456789 (status unknown)',
    );
  });
});
