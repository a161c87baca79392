import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/**
 * ECS Exec sessions must be logged. `executeCommandConfiguration.logging`:
 * - `NONE`: "the execute command session is not logged": FAIL;
 * - `DEFAULT` or absent (the API's default): "the awslogs configuration in the task definition is
 *   used … if no awslogs log driver is configured in the task definition, the output won't be
 *   logged": PASS, and the message says it rests on the task definitions' awslogs driver
 *   (ecs-task-definition logging checks judge those);
 * - `OVERRIDE`: logged where `logConfiguration` says; FAIL when it names neither a CloudWatch log
 *   group nor an S3 bucket;
 * - any other value: FAIL naming it.
 */
export const ecsClusterExecLogging = defineCheck({
  id: 'ecs-cluster-exec-logging',
  title: 'ECS clusters log ECS Exec sessions',
  resourceType: 'ecs-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    'ECS Exec opens an interactive shell inside running containers; with logging NONE the commands typed into production containers leave no record, so an intrusion or a careless change cannot be reconstructed.',
  remediation: {
    text: "Set the cluster's execute command logging to DEFAULT (with the awslogs driver in the task definitions) or OVERRIDE with a CloudWatch log group or S3 bucket, encrypted with a KMS key.",
    cli: "aws ecs update-cluster --cluster <cluster> --configuration 'executeCommandConfiguration={logging=OVERRIDE,kmsKeyId=<key>,logConfiguration={cloudWatchLogGroupName=/ecs/exec,cloudWatchEncryptionEnabled=true}}'",
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_cluster" "this" {\n  configuration {\n    execute_command_configuration {\n      kms_key_id = aws_kms_key.exec.arn\n      logging    = "OVERRIDE"\n      log_configuration {\n        cloud_watch_encryption_enabled = true\n        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name\n      }\n    }\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  },
  mappings: {},
  reads: ['executeCommand'],
  evaluate(cluster) {
    const exec = cluster.executeCommand;
    const logging = exec?.logging ?? 'DEFAULT';
    const stated = exec?.logging === undefined ? 'DEFAULT (not set)' : logging;
    if (logging === 'NONE') {
      return fail(
        `Cluster ${cluster.name} does not log ECS Exec sessions (executeCommandConfiguration.logging NONE)`,
      );
    }
    if (logging === 'DEFAULT') {
      return pass(
        `Cluster ${cluster.name} logs ECS Exec sessions with logging ${stated}: through each task definition's awslogs log driver (tasks without one are not logged)`,
      );
    }
    if (logging === 'OVERRIDE') {
      const targets = [
        exec?.cloudWatchLogGroupName ? `CloudWatch log group ${exec.cloudWatchLogGroupName}` : undefined,
        exec?.s3BucketName ? `S3 bucket ${exec.s3BucketName}` : undefined,
      ].filter((target): target is string => target !== undefined);
      return targets.length > 0
        ? pass(
            `Cluster ${cluster.name} logs ECS Exec sessions to ${targets.join(' and ')} (logging OVERRIDE)`,
          )
        : fail(
            `Cluster ${cluster.name} has executeCommandConfiguration.logging OVERRIDE without a CloudWatch log group or S3 bucket, so sessions are not logged`,
          );
    }
    return fail(
      `Cluster ${cluster.name} has executeCommandConfiguration.logging "${logging}" (not NONE, DEFAULT or OVERRIDE)`,
    );
  },
});
