import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoHostNetwork as check } from '../../../src/catalog/ecs/ecs-task-definition-no-host-network.js';
import { sampleTaskDefinition } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

describe('ecs-task-definition-no-host-network', () => {
  it('passes AWS’s describe-task-definition sample, which sets no network mode (bridge by default)', () => {
    expect(runCheck(check, sampleTaskDefinition())).toEqual({
      status: 'PASS',
      message:
        "Task definition hello_world:8 sets no network mode (ECS's default: bridge on Linux, NAT on Windows), not host",
    });
  });

  it.each(['host', 'HOST', ' host '])('fails network mode %j', (networkMode) => {
    const outcome = runCheck(check, sampleTaskDefinition({ networkMode }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `Task definition hello_world:8 uses network mode ${networkMode}: its containers share the host's network`,
    });
  });

  it.each(['awsvpc', 'bridge', 'none'])('passes network mode %s, naming it', (networkMode) => {
    expect(runCheck(check, sampleTaskDefinition({ networkMode }))).toEqual({
      status: 'PASS',
      message: `Task definition hello_world:8 uses network mode ${networkMode}, not host`,
    });
  });

  it('gives an unknown network mode a verdict that names the value', () => {
    expect(runCheck(check, sampleTaskDefinition({ networkMode: 'overlay' }))).toEqual({
      status: 'PASS',
      message:
        'Task definition hello_world:8 uses network mode overlay, which ECS does not document (bridge, host, awsvpc, none): not host',
    });
  });
});
