import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { EcsContainer } from '../../types/ecs.js';
import { isLinuxRoot, isWindowsAdministrator, parseContainerUser } from './container-user.js';
import { containerName, listed, noContainers } from './containers.js';
import { osFamilyOf } from './os-family.js';

/** Why a container's user is root (or, on an unset family, the Windows administrator); undefined when it is not. */
function privilegedUser(container: EcsContainer, familyUnset: boolean): string | undefined {
  const user = parseContainerUser(container.user);
  if (user.user === '') {
    return container.user === undefined || container.user.trim() === ''
      ? 'user unset, so root'
      : `user ${container.user} has no user part, so root`;
  }
  if (isLinuxRoot(user)) return `user ${container.user?.trim()} is root`;
  if (familyUnset && isWindowsAdministrator(user)) {
    return `user ${container.user?.trim()} is the Windows container administrator`;
  }
  return undefined;
}

export const ecsTaskDefinitionLinuxNonRoot = defineCheck({
  id: 'ecs-task-definition-linux-non-root',
  title: 'ECS task definitions run Linux containers as a non-root user',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    'A container whose `user` is unset runs as the image’s user, root for most images; root in a container is one kernel bug, capability or writable host mount away from root on the container instance.',
  remediation: {
    text: 'Register a new revision that sets `user` in every container definition to a non-root uid (for example `1000:1000`) that the image can run as, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  runtime_platform {\n    operating_system_family = "LINUX"\n  }\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    user  = "1000:1000"\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  mappings: { securityHub: ['ECS.20'], config: ['ecs-task-definition-linux-user-non-root'] },
  reads: ['containers', 'operatingSystemFamily'],
  evaluate(taskDefinition) {
    const family = osFamilyOf(taskDefinition);
    if (family === 'windows') {
      return notApplicable(
        `Task definition ${taskDefinition.name} is a Windows task definition (${taskDefinition.operatingSystemFamily}): its users are judged by ecs-task-definition-windows-non-admin`,
      );
    }
    if (family === 'unknown') {
      return notApplicable(
        `Task definition ${taskDefinition.name} has operatingSystemFamily ${taskDefinition.operatingSystemFamily}, neither LINUX nor WINDOWS_SERVER_*: its users are not judged`,
      );
    }
    const none = noContainers(taskDefinition);
    if (none) return notApplicable(none);
    const failing = taskDefinition.containers.flatMap(function rootUser(container) {
      const why = privilegedUser(container, family === 'unset');
      return why === undefined ? [] : [`${containerName(container)} (${why})`];
    });
    const familyNote = family === 'unset' ? ' (operatingSystemFamily unset: judged as Linux)' : '';
    if (failing.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} runs container(s) ${listed(failing)} with root privileges${familyNote}`,
      );
    }
    const users = taskDefinition.containers.map(
      (container) => `${containerName(container)} as ${container.user?.trim()}`,
    );
    return pass(`Task definition ${taskDefinition.name} runs ${listed(users)}${familyNote}`);
  },
});
