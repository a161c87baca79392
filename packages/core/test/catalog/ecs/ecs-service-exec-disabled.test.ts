import { describe, expect, it } from 'vitest';
import { ecsServiceExecDisabled as check } from '../../../src/catalog/ecs/ecs-service-exec-disabled.js';
import { sampleService } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-service-exec-disabled', () => {
  it("passes AWS's describe-services sample, which leaves enableExecuteCommand out", () => {
    // Prepare
    const service = sampleService();
    // Act
    const outcome = runCheck(check, service);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Service default/my-http-service has ECS Exec disabled (enableExecuteCommand=false)',
    });
  });

  it('fails a service with ECS Exec enabled', () => {
    const outcome = runCheck(check, sampleService({ enableExecuteCommand: true }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('enableExecuteCommand=true');
  });

  it('passes enableExecuteCommand false', () => {
    expect(runCheck(check, sampleService({ enableExecuteCommand: false })).status).toBe('PASS');
  });
});
