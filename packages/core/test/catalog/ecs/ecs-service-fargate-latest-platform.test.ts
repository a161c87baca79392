import { describe, expect, it } from 'vitest';
import { ecsServiceFargateLatestPlatform as check } from '../../../src/catalog/ecs/ecs-service-fargate-latest-platform.js';
import { sampleService } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

function fargate(platformVersion: string | undefined, platformFamily?: string) {
  return sampleService({ launchType: 'FARGATE', platformVersion, platformFamily });
}

describe('ecs-service-fargate-latest-platform', () => {
  it("is not applicable to AWS's describe-services sample (an EC2 service)", () => {
    expect(runCheck(check, sampleService())).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Service default/my-http-service does not run on Fargate (launch type unset)',
    });
  });

  it('passes LATEST, an absent version, and the configured latest on Linux', () => {
    for (const version of ['LATEST', undefined, '1.4.0']) {
      expect(runCheck(check, fargate(version, 'LINUX')).status, String(version)).toBe('PASS');
    }
  });

  it('passes LATEST on Windows (Prowler fails it through operator precedence; we do not)', () => {
    // Prepare
    const service = fargate('LATEST', 'WINDOWS_SERVER_2019_CORE');
    // Act
    const outcome = runCheck(check, service);
    // Assess
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toContain('(Windows)');
    expect(outcome.message).toContain('latest 1.0.0');
  });

  it('fails an older Linux version, naming it and the latest', () => {
    expect(runCheck(check, fargate('1.3.0'))).toEqual({
      status: 'FAIL',
      message:
        'Service default/my-http-service (Linux) is behind Fargate platform version 1.4.0: the service on 1.3.0',
    });
  });

  it('judges Windows services against the Windows version and reads fargateLatestVersions', () => {
    const windows = runCheck(check, fargate('1.0.0', 'WINDOWS_SERVER_2022_FULL'), {
      fargateLatestVersions: { linux: '1.4.0', windows: '1.1.0' },
    });
    const newer = runCheck(check, fargate('1.5.0'));
    expect(windows.status).toBe('FAIL');
    expect(windows.message).toContain('behind Fargate platform version 1.1.0');
    expect(newer.status).toBe('PASS');
  });

  it('treats a FARGATE_SPOT strategy or a Fargate deployment as Fargate, and fails an old deployment', () => {
    // Prepare
    const spot = sampleService({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    });
    const deployed = sampleService({
      deployments: [
        {
          id: 'ecs-svc/new',
          status: 'PRIMARY',
          launchType: 'FARGATE',
          platformVersion: '1.4.0',
          capacityProviders: [],
        },
        {
          id: 'ecs-svc/old',
          status: 'ACTIVE',
          launchType: 'FARGATE',
          platformVersion: '1.3.0',
          capacityProviders: [],
        },
      ],
    });
    // Act
    const spotOutcome = runCheck(check, spot);
    const deployedOutcome = runCheck(check, deployed);
    // Assess
    expect(spotOutcome.status).toBe('PASS');
    expect(deployedOutcome.status).toBe('FAIL');
    expect(deployedOutcome.message).toContain('ACTIVE deployment ecs-svc/old on 1.3.0');
    expect(deployedOutcome.message).not.toContain('ecs-svc/new');
  });

  it('fails a version it cannot read, naming it', () => {
    for (const version of ['', '1.4', 'v1.4.0', '1.4.0.1', '1..0']) {
      const outcome = runCheck(check, fargate(version));
      expect(outcome.status, version).toBe('FAIL');
      expect(outcome.message).toContain(`the service on ${version}`);
    }
  });
});
