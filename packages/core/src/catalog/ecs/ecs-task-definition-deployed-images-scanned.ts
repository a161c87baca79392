import { defineCheck } from '../../check/define-check.js';
import { judgeScanned } from '../../image/deployed-images.js';
import { DEPLOYED_READS, ecsDeployedOutcome } from './deployed-images.js';

/**
 * ECS task definitions in use run only images scanned in ECR within the vulnerability allowance: judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeScanned`.
 */
export const ecsTaskDefinitionDeployedImagesScanned = defineCheck({
  id: 'ecs-task-definition-deployed-images-scanned',
  title: 'ECS task definitions in use run only images scanned in ECR within the vulnerability allowance',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'CSA-3 asks that only secure images be deployed: an image that runs without a finished ECR scan, or with more critical or high vulnerabilities than allowed, puts known exploitable code in production whatever the registry checks say of images nobody runs.',
  remediation: {
    text: "Roll out an image that was scanned in this account's ECR (basic COMPLETE or enhanced ACTIVE) and has no more CRITICAL and HIGH findings than maxCritical and maxHigh: rebuild on a patched base image, push, and deploy its digest.",
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<revision with the scanned image digest>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@%s", aws_ecr_repository.app.repository_url, var.approved_digest)\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(definition, context) {
    return ecsDeployedOutcome(definition, judgeScanned, context, {
      fail: 'images not scanned or over the vulnerability allowance',
      pass: 'scanned images within the allowance',
    });
  },
});
