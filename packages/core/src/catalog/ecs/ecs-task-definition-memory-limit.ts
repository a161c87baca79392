import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { EcsContainer, EcsTaskDefinition } from '../../types/ecs.js';
import { containerName, listed, noContainers } from './containers.js';

const hasHardLimit = (container: EcsContainer) => container.memory !== undefined && container.memory > 0;

/** Fargate-only task definitions have no swap; elsewhere a container without `maxSwap` uses the instance's swap setting. */
function swapNote(taskDefinition: EcsTaskDefinition): string {
  const compatibilities = taskDefinition.requiresCompatibilities.map((value) => value.toUpperCase());
  if (compatibilities.length > 0 && compatibilities.every((value) => value === 'FARGATE')) return '';
  const withoutSwap = taskDefinition.containers.filter(
    (container) => container.linuxParameters?.maxSwap === undefined,
  );
  if (withoutSwap.length === 0) return '';
  return `; note: no maxSwap on ${listed(withoutSwap.map(containerName))} (swap follows the container instance)`;
}

export const ecsTaskDefinitionMemoryLimit = defineCheck({
  id: 'ecs-task-definition-memory-limit',
  title: 'ECS task definitions give their containers a memory hard limit',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'informational',
  rationale:
    'A container with no hard memory limit (and no task-level memory) can take the container instance’s memory until the kernel kills processes, its neighbours’ included; a limit keeps one runaway or attacked task from starving the others.',
  remediation: {
    text: 'Set task-level `memory`, or `memory` (the hard limit in MiB) in every container definition, in a new revision, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name   = "app"\n    image  = "<image>"\n    memory = 512\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  mappings: { config: ['ecs-task-definition-memory-hard-limit'] },
  reads: ['containers', 'memory', 'requiresCompatibilities'],
  evaluate(taskDefinition) {
    const none = noContainers(taskDefinition);
    if (none) return notApplicable(none);
    const note = swapNote(taskDefinition);
    const taskMemory = taskDefinition.memory?.trim();
    if (taskMemory !== undefined && taskMemory !== '') {
      return pass(`Task definition ${taskDefinition.name} limits the task's memory to ${taskMemory}${note}`);
    }
    const unlimited = taskDefinition.containers.filter((container) => !hasHardLimit(container));
    if (unlimited.length > 0) {
      const described = unlimited.map((container) =>
        container.memoryReservation === undefined
          ? containerName(container)
          : `${containerName(container)} (memoryReservation ${container.memoryReservation} MiB only, a soft limit)`,
      );
      return fail(
        `Task definition ${taskDefinition.name} sets no task memory and no memory hard limit for container(s) ${listed(described)}${note}`,
      );
    }
    const limits = taskDefinition.containers.map(
      (container) => `${containerName(container)} ${container.memory} MiB`,
    );
    return pass(`Task definition ${taskDefinition.name} limits container memory: ${listed(limits)}${note}`);
  },
});
