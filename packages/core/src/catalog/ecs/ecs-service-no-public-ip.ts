import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/** The deployments that run tasks: a PRIMARY one and the ACTIVE ones being replaced. */
const RUNNING_DEPLOYMENTS = ['PRIMARY', 'ACTIVE'];

/**
 * A service must not assign public IP addresses to its tasks: neither the service's own awsvpc
 * configuration nor any PRIMARY or ACTIVE deployment (a deployment keeps the network it started
 * with until it is replaced). Only `ENABLED` assigns one; `DISABLED` and absent (the API default;
 * bridge and host tasks have no awsvpc configuration) do not.
 */
export const ecsServiceNoPublicIp = defineCheck({
  id: 'ecs-service-no-public-ip',
  title: 'ECS services do not assign public IP addresses to their tasks automatically',
  resourceType: 'ecs-service',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'A task with a public IP address is reachable from the internet wherever its security group allows, bypassing load balancers and NAT: its containers get far more network access than a service needs.',
  remediation: {
    text: 'Run the service in private subnets with assignPublicIp DISABLED, and reach it through a load balancer; tasks that need the internet go out through a NAT gateway.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --network-configuration "awsvpcConfiguration={subnets=[<private-subnet>],securityGroups=[<sg>],assignPublicIp=DISABLED}"',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_service" "this" {\n  network_configuration {\n    subnets          = var.private_subnet_ids\n    security_groups  = [aws_security_group.service.id]\n    assign_public_ip = false\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html',
  },
  mappings: { securityHub: ['ECS.2'], prowler: ['ecs_service_no_assign_public_ip'] },
  reads: ['assignPublicIp', 'deployments'],
  evaluate(service) {
    const offenders: string[] = [];
    if (service.assignPublicIp === 'ENABLED') offenders.push('the service (assignPublicIp=ENABLED)');
    for (const deployment of service.deployments) {
      if (!RUNNING_DEPLOYMENTS.includes(deployment.status ?? '')) continue;
      if (deployment.assignPublicIp !== 'ENABLED') continue;
      offenders.push(
        `${deployment.status} deployment ${deployment.id ?? '(no id)'} (assignPublicIp=ENABLED)`,
      );
    }
    if (offenders.length > 0) {
      return fail(`Service ${service.name} assigns public IP addresses: ${offenders.join(', ')}`);
    }
    const seen = service.assignPublicIp ?? 'absent (no awsvpc public IP, the API default)';
    return pass(
      `Service ${service.name} assigns no public IP address: assignPublicIp ${seen}, and none of its PRIMARY or ACTIVE deployments enables it`,
    );
  },
});
