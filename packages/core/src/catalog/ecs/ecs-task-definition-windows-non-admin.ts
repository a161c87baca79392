import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { isWindowsAdministrator, parseContainerUser } from './container-user.js';
import { containerName, listed, noContainers } from './containers.js';
import { osFamilyOf } from './os-family.js';

export const ecsTaskDefinitionWindowsNonAdmin = defineCheck({
  id: 'ecs-task-definition-windows-non-admin',
  title: 'ECS task definitions run Windows containers as a non-administrator user',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    'A Windows container without `user`, or with `ContainerAdministrator`, runs as the container’s administrator, free to change the container’s system configuration and better placed to exploit the host it shares.',
  remediation: {
    text: 'Register a new revision that sets `user` in every container definition to a non-administrator account such as `ContainerUser`, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  runtime_platform {\n    operating_system_family = "WINDOWS_SERVER_2022_CORE"\n  }\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    user  = "ContainerUser"\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  mappings: { securityHub: ['ECS.21'], config: ['ecs-task-definition-windows-user-non-admin'] },
  reads: ['containers', 'operatingSystemFamily'],
  evaluate(taskDefinition) {
    const family = osFamilyOf(taskDefinition);
    if (family === 'unset') {
      return notApplicable(
        `Task definition ${taskDefinition.name} has no operatingSystemFamily: it is judged as Linux by ecs-task-definition-linux-non-root, which also fails containeradministrator`,
      );
    }
    if (family !== 'windows') {
      return notApplicable(
        `Task definition ${taskDefinition.name} has operatingSystemFamily ${taskDefinition.operatingSystemFamily}, not WINDOWS_SERVER_*`,
      );
    }
    const none = noContainers(taskDefinition);
    if (none) return notApplicable(none);
    const failing = taskDefinition.containers.flatMap(function administrator(container) {
      const user = parseContainerUser(container.user);
      if (user.user === '') return [`${containerName(container)} (user unset, so ContainerAdministrator)`];
      if (isWindowsAdministrator(user)) return [`${containerName(container)} (user ${user.user})`];
      return [];
    });
    if (failing.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} runs Windows container(s) ${listed(failing)} as the container administrator`,
      );
    }
    const users = taskDefinition.containers.map(
      (container) => `${containerName(container)} as ${container.user?.trim()}`,
    );
    return pass(`Task definition ${taskDefinition.name} runs ${listed(users)}`);
  },
});
