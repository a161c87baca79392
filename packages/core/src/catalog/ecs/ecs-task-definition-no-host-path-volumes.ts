import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import type { EcsTaskDefinition, EcsVolume } from '../../types/ecs.js';
import { containerName, listed } from './containers.js';

/** The containers that mount a volume, each with how (`readOnly` absent is read-write). */
function mountsOf(taskDefinition: EcsTaskDefinition, volume: EcsVolume): string[] {
  return taskDefinition.containers.flatMap((container) =>
    container.mountPoints
      .filter((mount) => volume.name !== undefined && mount.sourceVolume === volume.name)
      .map(
        (mount) =>
          `${containerName(container)} at ${mount.containerPath ?? '(no container path)'}, ${mount.readOnly === true ? 'read-only' : 'read-write'}`,
      ),
  );
}

export const ecsTaskDefinitionNoHostPathVolumes = defineCheck({
  id: 'ecs-task-definition-no-host-path-volumes',
  title: "ECS task definitions mount no path of the container instance's file system",
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    'A bind mount of a host path (`host.sourcePath`) hands the container a piece of the container instance: the Docker socket, /etc or the agent’s state can be read or rewritten from inside, which is root on the host and access to every other task on it.',
  remediation: {
    text: 'Register a new revision that replaces each `host.sourcePath` volume with task storage (a bind mount without a source path), a Docker volume or an EFS volume, then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  volume {\n    name = "data"\n    efs_volume_configuration {\n      file_system_id     = aws_efs_file_system.data.id\n      transit_encryption = "ENABLED"\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html',
  },
  mappings: {},
  reads: ['volumes', 'containers'],
  evaluate(taskDefinition) {
    const hostVolumes = taskDefinition.volumes.filter(
      (volume) => volume.hostSourcePath !== undefined && volume.hostSourcePath.trim() !== '',
    );
    if (hostVolumes.length > 0) {
      const described = hostVolumes.map(function describe(volume) {
        const mounts = mountsOf(taskDefinition, volume);
        const mounted = mounts.length > 0 ? `mounted by ${listed(mounts)}` : 'mounted by no container';
        return `${volume.name ?? '(unnamed volume)'} (${volume.hostSourcePath}; ${mounted})`;
      });
      return fail(`Task definition ${taskDefinition.name} mounts host paths: ${listed(described)}`);
    }
    if (taskDefinition.volumes.length === 0) {
      return pass(`Task definition ${taskDefinition.name} has no volumes`);
    }
    return pass(
      `Task definition ${taskDefinition.name}: none of its ${taskDefinition.volumes.length} volume(s) is a host path`,
    );
  },
});
