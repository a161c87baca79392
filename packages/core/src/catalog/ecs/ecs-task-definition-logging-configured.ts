import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerName, listed, noContainers } from './containers.js';

export const ecsTaskDefinitionLoggingConfigured = defineCheck({
  id: 'ecs-task-definition-logging-configured',
  title: 'ECS task definitions configure a log driver for every container',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-4',
  severity: 'high',
  rationale:
    'Without a log configuration a container’s output stays on the container instance (or, on Fargate, is lost), so there is no record to investigate an incident or notice an attack from, and it goes when the task does.',
  remediation: {
    text: 'Register a new revision with a `logConfiguration` whose `logDriver` is set (for example `awslogs` to CloudWatch Logs, or `awsfirelens`) in every container definition, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    logConfiguration = {\n      logDriver = "awslogs"\n      options = {\n        "awslogs-group"         = "/ecs/app"\n        "awslogs-region"        = "<region>"\n        "awslogs-stream-prefix" = "app"\n        mode                    = "non-blocking"\n      }\n    }\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  },
  mappings: {
    securityHub: ['ECS.9'],
    config: ['ecs-task-definition-log-configuration'],
    prowler: ['ecs_task_definitions_logging_enabled'],
  },
  reads: ['containers'],
  evaluate(taskDefinition) {
    const none = noContainers(taskDefinition);
    if (none) return notApplicable(none);
    const unlogged = taskDefinition.containers.flatMap(function withoutDriver(container) {
      if (container.logConfiguration === undefined)
        return [`${containerName(container)} (no logConfiguration)`];
      const driver = container.logConfiguration.logDriver?.trim();
      return driver === undefined || driver === '' ? [`${containerName(container)} (no logDriver)`] : [];
    });
    if (unlogged.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} has container(s) without logging: ${listed(unlogged)}`,
      );
    }
    const drivers = taskDefinition.containers.map(
      (container) => `${containerName(container)} (${container.logConfiguration?.logDriver})`,
    );
    return pass(`Task definition ${taskDefinition.name} logs every container: ${listed(drivers)}`);
  },
});
