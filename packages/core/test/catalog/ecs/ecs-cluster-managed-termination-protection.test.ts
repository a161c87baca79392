import { describe, expect, it } from 'vitest';
import { ecsClusterManagedTerminationProtection as check } from '../../../src/catalog/ecs/ecs-cluster-managed-termination-protection.js';
import type { EcsCapacityProvider } from '../../../src/types/ecs.js';
import { sampleCluster } from '../../helpers/ecs.js';
import { runCheck } from '../../helpers/run-check.js';

const ASG =
  'arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:a1b2c3d4:autoScalingGroupName/ecs-asg';

function provider(name: string, overrides: Partial<EcsCapacityProvider> = {}): EcsCapacityProvider {
  return {
    name,
    arn: `arn:aws:ecs:us-west-2:123456789012:capacity-provider/${name}`,
    autoScalingGroupArn: ASG,
    managedTerminationProtection: 'ENABLED',
    ...overrides,
  };
}

describe('ecs-cluster-managed-termination-protection', () => {
  it("is not applicable to AWS's describe-clusters sample (no capacity providers) and to Fargate-only ones", () => {
    const none = runCheck(check, sampleCluster());
    const fargate = runCheck(
      check,
      sampleCluster({ capacityProviders: [{ name: 'FARGATE' }, { name: 'FARGATE_SPOT' }] }),
    );
    expect(none).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Cluster default has no capacity provider with an Auto Scaling group',
    });
    expect(fargate.status).toBe('NOT_APPLICABLE');
  });

  it('passes when every ASG provider has it ENABLED, ignoring Fargate', () => {
    // Prepare
    const cluster = sampleCluster({
      capacityProviders: [provider('ec2-a'), provider('ec2-b'), { name: 'FARGATE' }],
    });
    // Act
    const outcome = runCheck(check, cluster);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Cluster default: all 2 Auto Scaling group capacity provider(s) have managed termination protection ENABLED',
    });
  });

  it('fails DISABLED and unset, naming each provider and value', () => {
    const cluster = sampleCluster({
      capacityProviders: [
        provider('ok'),
        provider('off', { managedTerminationProtection: 'DISABLED' }),
        provider('unknown', { managedTerminationProtection: undefined }),
      ],
    });
    const outcome = runCheck(check, cluster);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('off (DISABLED), unknown (unset)');
    expect(outcome.message).not.toContain('ok (');
  });
});
