import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerName, listed, noContainers } from './containers.js';

export const ecsTaskDefinitionNoPrivileged = defineCheck({
  id: 'ecs-task-definition-no-privileged',
  title: 'ECS task definitions run no privileged container',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'A privileged container gets every Linux capability and the host devices (docker run --privileged), so its root user is root on the container instance: one compromised process reaches every other task on the host and the instance role.',
  remediation: {
    text: 'Register a new revision without `privileged` (or with `privileged: false`) in every container definition; grant only the Linux capabilities the container needs through `linuxParameters.capabilities.add`, then update the services to the new revision.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name       = "app"\n    image      = "<image>"\n    privileged = false\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  mappings: {
    securityHub: ['ECS.4'],
    config: ['ecs-containers-nonprivileged'],
    prowler: ['ecs_task_definitions_no_privileged_containers'],
  },
  reads: ['containers'],
  evaluate(taskDefinition) {
    const none = noContainers(taskDefinition);
    if (none) return notApplicable(none);
    const privileged = taskDefinition.containers.filter((container) => container.privileged === true);
    if (privileged.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} runs privileged container(s) ${listed(privileged.map(containerName))} (privileged: true)`,
      );
    }
    return pass(
      `Task definition ${taskDefinition.name}: none of its ${taskDefinition.containers.length} container(s) is privileged`,
    );
  },
});
