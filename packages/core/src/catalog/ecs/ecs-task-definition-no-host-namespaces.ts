import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

const isHost = (mode: string | undefined) => mode?.trim().toLowerCase() === 'host';

export const ecsTaskDefinitionNoHostNamespaces = defineCheck({
  id: 'ecs-task-definition-no-host-namespaces',
  title: "ECS task definitions share neither the host's process nor its IPC namespace",
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'With `pidMode: host` the containers see and can signal every process on the container instance (other tasks, the ECS agent); with `ipcMode: host` they share its shared memory and semaphores. Either removes the isolation between the task and the host.',
  remediation: {
    text: 'Register a new revision without `pidMode` and `ipcMode` (each task gets its own namespaces), or with `task` where the task’s containers must share them, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_ecs_task_definition" "this" {\n  pid_mode = "task"\n  ipc_mode = "task"\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  mappings: {
    securityHub: ['ECS.3'],
    config: ['ecs-task-definition-pid-mode-check'],
    prowler: ['ecs_task_definitions_host_namespace_not_shared'],
  },
  reads: ['pidMode', 'ipcMode'],
  evaluate(taskDefinition) {
    const shared = [
      ...(isHost(taskDefinition.pidMode) ? [`pidMode ${taskDefinition.pidMode}`] : []),
      ...(isHost(taskDefinition.ipcMode) ? [`ipcMode ${taskDefinition.ipcMode}`] : []),
    ];
    if (shared.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} shares the host's namespaces: ${shared.join(', ')}`,
      );
    }
    const seen = (mode: string | undefined) => mode ?? 'unset';
    return pass(
      `Task definition ${taskDefinition.name} shares no host namespace (pidMode ${seen(taskDefinition.pidMode)}, ipcMode ${seen(taskDefinition.ipcMode)})`,
    );
  },
});
