import { defineCheck } from '../../check/define-check.js';
import { judgeSigned } from '../../image/deployed-images.js';
import { DEPLOYED_READS, ecsDeployedOutcome } from './deployed-images.js';

/**
 * ECS task definitions in use run only signed images (ECR managed signing, Notation or Sigstore): judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeSigned`.
 */
export const ecsTaskDefinitionDeployedImagesSigned = defineCheck({
  id: 'ecs-task-definition-deployed-images-signed',
  title: 'ECS task definitions in use run only signed images (ECR managed signing, Notation or Sigstore)',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'An unsigned image that runs may not come from the approved build pipeline: a compromised push credential or a mirror swap runs in production with nothing to tell it from an approved build.',
  remediation: {
    text: 'Sign the image in ECR (ECR managed signing with an AWS Signer profile, or Notation or cosign referrers), deploy the signed digest, and enforce signatures at admission.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<revision with the signed image digest>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@%s", aws_ecr_repository.app.repository_url, var.approved_digest)\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(definition, context) {
    return ecsDeployedOutcome(definition, judgeSigned, context, {
      fail: 'unsigned images',
      pass: 'signed images',
    });
  },
});
