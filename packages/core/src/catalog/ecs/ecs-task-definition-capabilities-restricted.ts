import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { containerName, listed, noContainers } from './containers.js';
import { notLinux } from './os-family.js';

/** A capability name as compared: trimmed, upper case, without the `CAP_` prefix Docker also accepts. */
function capabilityName(raw: string): string {
  const name = raw.trim().toUpperCase();
  return name.startsWith('CAP_') ? name.slice(4) : name;
}

export const ecsTaskDefinitionCapabilitiesRestricted = defineCheck({
  id: 'ecs-task-definition-capabilities-restricted',
  title: 'ECS task definitions add only allowed Linux capabilities to their containers',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL give a container root powers over the kernel (mounting file systems, reconfiguring the host network, tracing other processes) and are the usual route of a container escape.',
  remediation: {
    text: 'Register a new revision whose `linuxParameters.capabilities.add` lists only capabilities in allowedAddedCapabilities (the Pod Security Standards baseline list by default), dropping the others, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = "<image>"\n    linuxParameters = {\n      capabilities = { add = ["NET_BIND_SERVICE"], drop = ["ALL"] }\n    }\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html',
  },
  mappings: {},
  reads: ['containers', 'operatingSystemFamily'],
  evaluate(taskDefinition, { config }) {
    const skipped = notLinux(taskDefinition, 'linuxParameters.capabilities') ?? noContainers(taskDefinition);
    if (skipped) return notApplicable(skipped);
    const allowed = new Set(config.allowedAddedCapabilities.map(capabilityName));
    const offending: string[] = [];
    const added: string[] = [];
    for (const container of taskDefinition.containers) {
      const names = (container.linuxParameters?.capabilitiesAdd ?? []).map(capabilityName).filter(Boolean);
      if (names.length === 0) continue;
      added.push(`${containerName(container)} (${listed(names)})`);
      const beyond = [...new Set(names.filter((name) => !allowed.has(name)))];
      if (beyond.length > 0) offending.push(`${containerName(container)} (${listed(beyond)})`);
    }
    if (offending.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} adds Linux capabilities outside allowedAddedCapabilities: ${listed(offending)}`,
      );
    }
    if (added.length === 0) {
      return pass(`Task definition ${taskDefinition.name} adds no Linux capabilities to its containers`);
    }
    return pass(
      `Task definition ${taskDefinition.name} adds only allowed Linux capabilities: ${listed(added)}`,
    );
  },
});
