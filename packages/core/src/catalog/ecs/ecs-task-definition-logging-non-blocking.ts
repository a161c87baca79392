import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerName, listed } from './containers.js';

export const ecsTaskDefinitionLoggingNonBlocking = defineCheck({
  id: 'ecs-task-definition-logging-non-blocking',
  title: 'ECS task definitions deliver container logs in non-blocking mode',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-4',
  severity: 'low',
  rationale:
    'In blocking mode a container’s writes to stdout and stderr stop when its log driver cannot deliver (CloudWatch Logs throttled or unreachable), so the application hangs, fails its health checks and is replaced: logging trouble becomes an outage.',
  remediation: {
    text: 'Set `mode: non-blocking` (with a `max-buffer-size`) in the `logConfiguration.options` of every container in a new revision, then update the services to it; keep `blocking` only where losing a log line is worse than stopping.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    logConfiguration = {\n      logDriver = "awslogs"\n      options = {\n        mode              = "non-blocking"\n        "max-buffer-size" = "25m"\n      }\n    }\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html',
  },
  mappings: { prowler: ['ecs_task_definitions_logging_block_mode'] },
  reads: ['containers'],
  evaluate(taskDefinition) {
    const logged = taskDefinition.containers.filter(
      (container) => (container.logConfiguration?.logDriver?.trim() ?? '') !== '',
    );
    if (logged.length === 0) {
      return notApplicable(`Task definition ${taskDefinition.name} has no container with a log driver`);
    }
    const blocking: string[] = [];
    const byDefault: string[] = [];
    for (const container of logged) {
      const mode = container.logConfiguration?.options.mode;
      const normalised = mode?.trim().toLowerCase() ?? '';
      if (normalised === '') byDefault.push(containerName(container));
      else if (normalised !== 'non-blocking') blocking.push(`${containerName(container)} (mode ${mode})`);
    }
    if (blocking.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} delivers logs in blocking mode for container(s) ${listed(blocking)}`,
      );
    }
    const defaultNote =
      byDefault.length > 0
        ? `; ${listed(byDefault)} set no mode: ECS's default, non-blocking since 25 June 2025 unless the account setting defaultLogDriverMode is blocking`
        : '';
    return pass(
      `Task definition ${taskDefinition.name} delivers logs without blocking for its ${logged.length} logged container(s)${defaultNote}`,
    );
  },
});
