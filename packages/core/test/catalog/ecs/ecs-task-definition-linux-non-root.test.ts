import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionLinuxNonRoot as check } from '../../../src/catalog/ecs/ecs-task-definition-linux-non-root.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const linux = (user: string | undefined) =>
  sampleTaskDefinition({ operatingSystemFamily: 'LINUX', containers: [ecsContainer({ user })] });

describe('ecs-task-definition-linux-non-root', () => {
  it('fails AWS’s describe-task-definition sample: no family, no user, so both containers run as root', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 runs container(s) wordpress (user unset, so root), mysql (user unset, so root) with root privileges (operatingSystemFamily unset: judged as Linux)',
    });
  });

  it.each(['root', '0', '00', '0:0', '0:1000', 'root:root', 'root:1000', ' root '])(
    'fails user %j, whose user part is root',
    (user) => {
      const outcome = runCheck(check, linux(user));
      expect(outcome.status).toBe('FAIL');
      expect(outcome.message).toContain(`wordpress (user ${user.trim()} is root)`);
    },
  );

  it.each(['', '   '])('fails a blank user %j as unset', (user) => {
    expect(runCheck(check, linux(user)).message).toContain('wordpress (user unset, so root)');
  });

  it('fails a user with only a group part, which leaves the image’s user (root)', () => {
    expect(runCheck(check, linux(':1000')).message).toContain('user :1000 has no user part, so root');
  });

  it.each(['app', '1000', '1000:1000', 'app:staff', '1000:staff', 'app:1000', '1000:0', 'app:root'])(
    'passes the non-root user %j in every documented form, naming it',
    (user) => {
      expect(runCheck(check, linux(user))).toEqual({
        status: 'PASS',
        message: `Task definition hello_world:8 runs wordpress as ${user}`,
      });
    },
  );

  it('names each container’s user and only the root ones when some fail', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      operatingSystemFamily: 'LINUX',
      containers: [ecsContainer({ user: '1000' }), ecsContainer({ name: 'mysql', user: '0:999' })],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 runs container(s) mysql (user 0:999 is root) with root privileges',
    });
  });

  it('on an unset family, also fails the Windows administrator, so one check gives one verdict', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ containers: [ecsContainer({ user: 'ContainerAdministrator' })] }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 runs container(s) wordpress (user ContainerAdministrator is the Windows container administrator) with root privileges (operatingSystemFamily unset: judged as Linux)',
    });
  });

  it('on LINUX, reads containeradministrator as an ordinary user name', () => {
    expect(runCheck(check, linux('containeradministrator')).status).toBe('PASS');
  });

  it('is NOT_APPLICABLE on a Windows task definition, pointing to the Windows check', () => {
    const outcome = runCheck(
      check,
      sampleTaskDefinition({ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }),
    );
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Task definition hello_world:8 is a Windows task definition (WINDOWS_SERVER_2022_CORE): its users are judged by ecs-task-definition-windows-non-admin',
    });
  });

  it('is NOT_APPLICABLE, naming the value, on an undocumented family, and without containers', () => {
    expect(runCheck(check, sampleTaskDefinition({ operatingSystemFamily: 'PLAN9' })).message).toContain(
      'operatingSystemFamily PLAN9, neither LINUX nor WINDOWS_SERVER_*',
    );
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
