import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { listed } from './containers.js';

export const ecsTaskDefinitionEfsTransitEncryption = defineCheck({
  id: 'ecs-task-definition-efs-transit-encryption',
  title: 'ECS task definitions encrypt EFS volumes in transit',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-1',
  severity: 'medium',
  rationale:
    'Without transit encryption the NFS traffic between the task and Amazon EFS is plain text on the network, readable and alterable by anything that can see it; encryption in transit is also what EFS IAM authorization requires.',
  remediation: {
    text: 'Register a new revision whose `efsVolumeConfiguration` sets `transitEncryption: ENABLED` on every EFS volume (optionally with `authorizationConfig.iam: ENABLED` and an access point), then update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "this" {\n  volume {\n    name = "shared"\n    efs_volume_configuration {\n      file_system_id     = aws_efs_file_system.shared.id\n      transit_encryption = "ENABLED"\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  },
  mappings: { securityHub: ['ECS.18'], config: ['ecs-task-definition-efs-encryption-enabled'] },
  reads: ['volumes'],
  evaluate(taskDefinition) {
    const efs = taskDefinition.volumes.filter((volume) => volume.efs !== undefined);
    if (efs.length === 0) return notApplicable(`Task definition ${taskDefinition.name} has no EFS volumes`);
    const describe = (volume: (typeof efs)[number]) =>
      `${volume.name ?? '(unnamed volume)'} (${volume.efs?.fileSystemId ?? 'no file system id'}, transitEncryption ${volume.efs?.transitEncryption ?? 'unset, so DISABLED'})`;
    const plain = efs.filter((volume) => volume.efs?.transitEncryption?.trim().toUpperCase() !== 'ENABLED');
    if (plain.length > 0) {
      return fail(
        `Task definition ${taskDefinition.name} mounts EFS without transit encryption: ${listed(plain.map(describe))}`,
      );
    }
    return pass(
      `Task definition ${taskDefinition.name} encrypts all ${efs.length} EFS volume(s) in transit: ${listed(efs.map((volume) => volume.name ?? '(unnamed volume)'))}`,
    );
  },
});
