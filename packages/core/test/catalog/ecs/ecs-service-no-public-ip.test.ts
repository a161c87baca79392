import { describe, expect, it } from 'vitest';
import { ecsServiceNoPublicIp as check } from '../../../src/catalog/ecs/ecs-service-no-public-ip.js';
import { sampleService } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-service-no-public-ip', () => {
  it("passes AWS's describe-services sample, which has no network configuration", () => {
    // Prepare
    const service = sampleService();
    // Act
    const outcome = runCheck(check, service);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('assignPublicIp absent');
  });

  it('fails when the service enables assignPublicIp', () => {
    const outcome = runCheck(check, sampleService({ assignPublicIp: 'ENABLED' }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Service default/my-http-service assigns public IP addresses: the service (assignPublicIp=ENABLED)',
    });
  });

  it('fails on a PRIMARY or ACTIVE deployment that still assigns one, ignoring INACTIVE ones', () => {
    // Prepare: the service was fixed, but the old ACTIVE deployment still runs with a public IP
    const service = sampleService({
      assignPublicIp: 'DISABLED',
      deployments: [
        { id: 'ecs-svc/new', status: 'PRIMARY', assignPublicIp: 'DISABLED', capacityProviders: [] },
        { id: 'ecs-svc/old', status: 'ACTIVE', assignPublicIp: 'ENABLED', capacityProviders: [] },
        { id: 'ecs-svc/gone', status: 'INACTIVE', assignPublicIp: 'ENABLED', capacityProviders: [] },
      ],
    });
    // Act
    const outcome = runCheck(check, service);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('ACTIVE deployment ecs-svc/old');
    expect(outcome.message).not.toContain('ecs-svc/gone');
    expect(outcome.message).not.toContain('the service');
  });

  it('passes when only an INACTIVE deployment assigned a public IP', () => {
    const service = sampleService({
      assignPublicIp: 'DISABLED',
      deployments: [{ status: 'INACTIVE', assignPublicIp: 'ENABLED', capacityProviders: [] }],
    });
    expect(runCheck(check, service).status).toBe('PASS');
  });

  it('names a deployment without an id or status without throwing', () => {
    const service = sampleService({
      deployments: [
        { status: 'PRIMARY', assignPublicIp: 'ENABLED', capacityProviders: [] },
        { capacityProviders: [] },
      ],
    });
    expect(runCheck(check, service).message).toContain('PRIMARY deployment (no id)');
  });
});
