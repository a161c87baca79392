import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

/**
 * Every capacity provider of the cluster backed by an Auto Scaling group has managed termination
 * protection `ENABLED`; `DISABLED` or absent fails. Providers without an Auto Scaling group
 * (FARGATE, FARGATE_SPOT) are not judged; a cluster without ASG providers is NOT_APPLICABLE.
 * The control's resource is the capacity provider; Customs judges it on the cluster that uses it.
 */
export const ecsClusterManagedTerminationProtection = defineCheck({
  id: 'ecs-cluster-managed-termination-protection',
  title: "ECS clusters' Auto Scaling group capacity providers have managed termination protection",
  resourceType: 'ecs-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    "Without managed termination protection the Auto Scaling group's scale-in may terminate container instances that still run tasks: the scheduler loses control over where and whether workloads run, and services drop tasks without draining.",
  remediation: {
    text: 'Enable scale-in protection on the Auto Scaling group, then turn on managed termination protection (with managed scaling) on the capacity provider.',
    cli: 'aws ecs update-capacity-provider --name <capacity-provider> --auto-scaling-group-provider "managedScaling={status=ENABLED},managedTerminationProtection=ENABLED"',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_capacity_provider" "this" {\n  auto_scaling_group_provider {\n    auto_scaling_group_arn         = aws_autoscaling_group.ecs.arn\n    managed_termination_protection = "ENABLED"\n    managed_scaling {\n      status = "ENABLED"\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html',
  },
  mappings: { securityHub: ['ECS.19'], config: ['ecs-capacity-provider-termination-check'] },
  reads: ['capacityProviders'],
  evaluate(cluster) {
    const withGroups = cluster.capacityProviders.filter(
      (provider) => provider.autoScalingGroupArn !== undefined,
    );
    if (withGroups.length === 0) {
      return notApplicable(`Cluster ${cluster.name} has no capacity provider with an Auto Scaling group`);
    }
    const unprotected = withGroups.filter((provider) => provider.managedTerminationProtection !== 'ENABLED');
    if (unprotected.length > 0) {
      const found = unprotected.map(
        (provider) => `${provider.name} (${provider.managedTerminationProtection ?? 'unset'})`,
      );
      return fail(
        `Cluster ${cluster.name} has capacity provider(s) without managed termination protection: ${found.join(', ')}`,
      );
    }
    return pass(
      `Cluster ${cluster.name}: all ${withGroups.length} Auto Scaling group capacity provider(s) have managed termination protection ENABLED`,
    );
  },
});
