import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoHostNamespaces as check } from '../../../src/catalog/ecs/ecs-task-definition-no-host-namespaces.js';
import { sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-no-host-namespaces', () => {
  it('passes AWS’s describe-task-definition sample, which sets neither mode', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 shares no host namespace (pidMode unset, ipcMode unset)',
    });
  });

  it('fails pidMode host, as ECS.3 does', () => {
    expect(runCheck(check, sampleTaskDefinition({ pidMode: 'host' }))).toEqual({
      status: 'FAIL',
      message: "Task definition hello_world:8 shares the host's namespaces: pidMode host",
    });
  });

  it('fails ipcMode host too (PSS baseline hostIPC), naming both when both are set', () => {
    expect(runCheck(check, sampleTaskDefinition({ ipcMode: 'host' })).message).toContain('ipcMode host');
    expect(runCheck(check, sampleTaskDefinition({ pidMode: 'host', ipcMode: 'HOST' })).message).toBe(
      "Task definition hello_world:8 shares the host's namespaces: pidMode host, ipcMode HOST",
    );
  });

  it('passes the task-scoped modes and ipcMode none, naming them', () => {
    expect(runCheck(check, sampleTaskDefinition({ pidMode: 'task', ipcMode: 'none' }))).toEqual({
      status: 'PASS',
      message: 'Task definition hello_world:8 shares no host namespace (pidMode task, ipcMode none)',
    });
  });
});
