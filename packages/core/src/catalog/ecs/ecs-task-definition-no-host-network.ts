import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/** The network modes ECS documents (RegisterTaskDefinition `networkMode`). */
const DOCUMENTED_MODES = ['bridge', 'host', 'awsvpc', 'none'];

export const ecsTaskDefinitionNoHostNetwork = defineCheck({
  id: 'ecs-task-definition-no-host-network',
  title: "ECS task definitions do not use the host's network",
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    'In `host` network mode the containers use the container instance’s network stack: they bind its ports directly, reach services listening on its loopback interface, and get no security group of their own, so one task’s exposure is the host’s.',
  remediation: {
    text: 'Register a new revision with `networkMode: awsvpc` (each task gets its own network interface and security groups) or `bridge`, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_ecs_task_definition" "this" {\n  network_mode = "awsvpc"\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
  },
  mappings: { securityHub: ['ECS.17'], config: ['ecs-task-definition-network-mode-not-host'] },
  reads: ['networkMode'],
  evaluate(taskDefinition) {
    const mode = taskDefinition.networkMode;
    const normalised = mode?.trim().toLowerCase();
    if (normalised === 'host') {
      return fail(
        `Task definition ${taskDefinition.name} uses network mode ${mode}: its containers share the host's network`,
      );
    }
    if (normalised === undefined || normalised === '') {
      return pass(
        `Task definition ${taskDefinition.name} sets no network mode (ECS's default: bridge on Linux, NAT on Windows), not host`,
      );
    }
    if (!DOCUMENTED_MODES.includes(normalised)) {
      return pass(
        `Task definition ${taskDefinition.name} uses network mode ${mode}, which ECS does not document (bridge, host, awsvpc, none): not host`,
      );
    }
    return pass(`Task definition ${taskDefinition.name} uses network mode ${mode}, not host`);
  },
});
