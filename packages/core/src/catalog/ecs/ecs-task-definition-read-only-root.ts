import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerName, listed, noContainers } from './containers.js';
import { notLinux } from './os-family.js';

export const ecsTaskDefinitionReadOnlyRoot = defineCheck({
  id: 'ecs-task-definition-read-only-root',
  title: 'ECS task definitions give every container a read-only root file system',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'A writable root file system lets an intruder replace binaries, drop tools and persist inside the container; a read-only one (with volumes only where the application must write) keeps the image as it was built.',
  remediation: {
    text: 'Register a new revision with `readonlyRootFilesystem: true` in every container definition, mounting a volume at each path the application writes to (for example /tmp), then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name                   = "app"\n    image                  = "<image>"\n    readonlyRootFilesystem = true\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  mappings: {
    securityHub: ['ECS.5'],
    config: ['ecs-containers-readonly-access'],
    prowler: ['ecs_task_definitions_containers_readonly_access'],
  },
  reads: ['containers', 'operatingSystemFamily'],
  evaluate(taskDefinition) {
    const skipped = notLinux(taskDefinition, 'readonlyRootFilesystem') ?? noContainers(taskDefinition);
    if (skipped) return notApplicable(skipped);
    const writable = taskDefinition.containers.filter(
      (container) => container.readonlyRootFilesystem !== true,
    );
    if (writable.length > 0) {
      const described = writable.map(
        (container) =>
          `${containerName(container)} (${container.readonlyRootFilesystem === false ? 'false' : 'unset'})`,
      );
      return fail(
        `Task definition ${taskDefinition.name} gives container(s) ${listed(described)} a writable root file system (readonlyRootFilesystem is not true)`,
      );
    }
    return pass(
      `Task definition ${taskDefinition.name}: all ${taskDefinition.containers.length} container(s) have a read-only root file system`,
    );
  },
});
