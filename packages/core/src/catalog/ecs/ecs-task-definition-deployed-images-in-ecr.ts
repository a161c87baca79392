import { defineCheck } from '../../check/define-check.js';
import { judgeInEcr } from '../../image/deployed-images.js';
import { DEPLOYED_READS, ecsDeployedOutcome } from './deployed-images.js';

/**
 * ECS task definitions in use do not run images deleted from ECR: judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeInEcr`.
 */
export const ecsTaskDefinitionDeployedImagesInEcr = defineCheck({
  id: 'ecs-task-definition-deployed-images-in-ecr',
  title: 'ECS task definitions in use do not run images deleted from ECR',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'An image that still runs after it was deleted from ECR can no longer be scanned, signed-checked or pulled again: the next task or pod start fails, and nothing watches the code that runs.',
  remediation: {
    text: 'Roll the deployment out to an image that is in ECR (push the image again or deploy a current digest), and make the lifecycle policy keep images that run.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<revision with an image in ECR>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@%s", aws_ecr_repository.app.repository_url, var.approved_digest)\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(definition, context) {
    return ecsDeployedOutcome(definition, judgeInEcr, context, {
      fail: 'images deleted from ECR',
      pass: 'images still in ECR',
    });
  },
});
