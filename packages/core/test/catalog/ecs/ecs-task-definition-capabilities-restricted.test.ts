import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionCapabilitiesRestricted as check } from '../../../src/catalog/ecs/ecs-task-definition-capabilities-restricted.js';
import type { EcsContainer } from '../../../src/types/ecs.js';
import { ecsContainer, sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const adding = (capabilitiesAdd: string[], name = 'wordpress'): EcsContainer =>
  ecsContainer({ name, linuxParameters: { capabilitiesAdd, capabilitiesDrop: [], devices: [] } });

describe('ecs-task-definition-capabilities-restricted', () => {
  it('passes AWS’s describe-task-definition sample, which has no linuxParameters', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 adds no Linux capabilities to its containers',
    });
  });

  it.each(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'sys_admin', 'CAP_SYS_ADMIN', 'cap_net_admin'])(
    'fails an added %s',
    (capability) => {
      const outcome = runCheck(check, sampleTaskDefinition({ containers: [adding([capability])] }));
      expect(outcome.status).toBe('FAIL');
      expect(outcome.message).toContain('outside allowedAddedCapabilities: wordpress (');
    },
  );

  it('names only the capabilities beyond the allowed list, per container', () => {
    // Prepare
    const taskDefinition = sampleTaskDefinition({
      containers: [adding(['NET_BIND_SERVICE', 'CAP_SYS_ADMIN', 'sys_admin']), adding(['CHOWN'], 'mysql')],
    });
    // Act
    const outcome = runCheck(check, taskDefinition);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Task definition hello_world:8 adds Linux capabilities outside allowedAddedCapabilities: wordpress (SYS_ADMIN)',
    });
  });

  it('passes the PSS baseline capabilities, with or without CAP_ and in any case, naming them', () => {
    const taskDefinition = sampleTaskDefinition({ containers: [adding(['cap_net_bind_service', 'Chown'])] });
    expect(runCheck(check, taskDefinition)).toEqual({
      status: 'PASS',
      message:
        'Task definition hello_world:8 adds only allowed Linux capabilities: wordpress (NET_BIND_SERVICE, CHOWN)',
    });
  });

  it('ignores blank capability names, which add nothing', () => {
    const outcome = runCheck(check, sampleTaskDefinition({ containers: [adding(['', '  '])] }));
    expect(outcome).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 adds no Linux capabilities to its containers',
    });
  });

  it('follows allowedAddedCapabilities from the config, written either way', () => {
    const taskDefinition = sampleTaskDefinition({ containers: [adding(['NET_ADMIN'])] });
    expect(runCheck(check, taskDefinition, { allowedAddedCapabilities: ['CAP_NET_ADMIN'] }).status).toBe(
      'PASS',
    );
    expect(runCheck(check, taskDefinition, { allowedAddedCapabilities: [] }).status).toBe('FAIL');
  });

  it('is NOT_APPLICABLE on a Windows task definition and on one without containers', () => {
    const windows = sampleTaskDefinition({
      operatingSystemFamily: 'WINDOWS_SERVER_2022_FULL',
      containers: [adding(['SYS_ADMIN'])],
    });
    expect(runCheck(check, windows)).toEqual({
      status: 'NOT_APPLICABLE',
      message:
        'Task definition hello_world:8 is a Windows task definition (WINDOWS_SERVER_2022_FULL): linuxParameters.capabilities applies to Linux containers only',
    });
    expect(runCheck(check, sampleTaskDefinition({ containers: [] })).status).toBe('NOT_APPLICABLE');
  });
});
