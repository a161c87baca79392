import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

/**
 * A service's task sets (EXTERNAL or CODE_DEPLOY deployment controllers) must not assign public IP
 * addresses: every task set counts, DRAINING ones included (their tasks still run until drained).
 * Only `ENABLED` assigns one. A service without task sets is NOT_APPLICABLE.
 */
export const ecsServiceTaskSetsNoPublicIp = defineCheck({
  id: 'ecs-service-task-sets-no-public-ip',
  title: 'ECS task sets do not assign public IP addresses to their tasks automatically',
  resourceType: 'ecs-service',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'A task set has its own network configuration: one created with a public IP puts its tasks on the internet even when the service itself does not, typically during a blue/green deployment nobody watches.',
  remediation: {
    text: 'Create task sets in private subnets with assignPublicIp DISABLED (for CodeDeploy, set it in the service and the AppSpec), then delete the task set that assigns public IPs.',
    cli: 'aws ecs create-task-set --cluster <cluster> --service <service> --task-definition <family:revision> --network-configuration "awsvpcConfiguration={subnets=[<private-subnet>],securityGroups=[<sg>],assignPublicIp=DISABLED}"',
    iac: {
      format: 'cloudformation',
      snippet:
        'TaskSet:\n  Type: AWS::ECS::TaskSet\n  Properties:\n    NetworkConfiguration:\n      AwsVpcConfiguration:\n        AssignPublicIp: DISABLED\n        Subnets: !Ref PrivateSubnets',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-external.html',
  },
  mappings: { securityHub: ['ECS.16'], prowler: ['ecs_task_set_no_assign_public_ip'] },
  reads: ['taskSets'],
  evaluate(service) {
    if (service.taskSets.length === 0) {
      return notApplicable(`Service ${service.name} has no task sets (its deployments are ECS-managed)`);
    }
    const offenders = service.taskSets
      .filter((taskSet) => taskSet.assignPublicIp === 'ENABLED')
      .map((taskSet) => `${taskSet.id ?? taskSet.arn ?? '(no id)'} (${taskSet.status ?? 'status unknown'})`);
    if (offenders.length > 0) {
      return fail(
        `Service ${service.name} has task set(s) with assignPublicIp=ENABLED: ${offenders.join(', ')}`,
      );
    }
    return pass(
      `Service ${service.name}: none of its ${service.taskSets.length} task set(s) assigns a public IP address`,
    );
  },
});
