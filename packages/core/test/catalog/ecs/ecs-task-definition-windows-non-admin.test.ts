import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionLinuxNonRoot as linuxCheck } from '../../../src/catalog/ecs/ecs-task-definition-linux-non-root.js';
import { ecsTaskDefinitionWindowsNonAdmin as check } from '../../../src/catalog/ecs/ecs-task-definition-windows-non-admin.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const windows = (user: string | undefined) =>
  sampleTaskDefinition({
    operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
    containers: [ecsContainer({ name: 'iis', image: 'mcr.microsoft.com/windows/servercore/iis', user })],
  });

describe('ecs-task-definition-windows-non-admin', () => {
  it('fails a Windows container without user, which runs as ContainerAdministrator', () => {
    expect(runCheck(check, windows(undefined))).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 runs Windows container(s) iis (user unset, so ContainerAdministrator) as the container administrator',
    });
  });

  it.each(['containeradministrator', 'ContainerAdministrator', 'CONTAINERADMINISTRATOR'])(
    'fails user %j, in any case',
    (user) => {
      expect(runCheck(check, windows(user)).message).toContain(`iis (user ${user})`);
    },
  );

  it('passes ContainerUser, naming it', () => {
    expect(runCheck(check, windows('ContainerUser'))).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 runs iis as ContainerUser',
    });
  });

  it('leaves an unset family to the Linux check, so the two never give contradictory verdicts', () => {
    // Prepare: AWS's sample has no runtimePlatform; give it the Windows administrator
    const taskDefinition = sampleTaskDefinition({
      containers: [ecsContainer({ user: 'containeradministrator' })],
    });
    // Act
    const windowsOutcome = runCheck(check, taskDefinition);
    const linuxOutcome = runCheck(linuxCheck, taskDefinition);
    // Assess
    expect(windowsOutcome).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Task definition hello_world:8 has no operatingSystemFamily: it is judged as Linux by ecs-task-definition-linux-non-root, which also fails containeradministrator',
    });
    expect(linuxOutcome.status).toBe('FAIL');
  });

  it('is NOT_APPLICABLE on a Linux task definition, and a Windows one without containers', () => {
    expect(runCheck(check, sampleTaskDefinition({ operatingSystemFamily: 'LINUX' }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 has operatingSystemFamily LINUX, not WINDOWS_SERVER_*',
    });
    const empty = sampleTaskDefinition({ operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL', containers: [] });
    expect(runCheck(check, empty)).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Task definition hello_world:8 has no container definitions',
    });
  });
});
