import { defineCheck } from '../../check/define-check.js';
import { judgeFresh } from '../../image/deployed-images.js';
import { DEPLOYED_READS, ecsDeployedOutcome } from './deployed-images.js';

/**
 * ECS task definitions in use run images pushed within imageMaxAgeDays whose tag still points at them: judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeFresh`.
 */
export const ecsTaskDefinitionDeployedImagesFresh = defineCheck({
  id: 'ecs-task-definition-deployed-images-fresh',
  title:
    'ECS task definitions in use run images pushed within imageMaxAgeDays whose tag still points at them',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'An old image misses every base-image fix since it was built, and a tag moved under a running deployment (drift) means new tasks or pods start different code than the one running and approved.',
  remediation: {
    text: 'Rebuild the image, push it, and roll the deployment out to the new digest; pin the digest (or use IMMUTABLE tags) so the tag cannot move under it.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<revision with the rebuilt image digest>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@%s", aws_ecr_repository.app.repository_url, var.approved_digest)\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(definition, context) {
    return ecsDeployedOutcome(definition, judgeFresh, context, {
      fail: 'stale or drifted images',
      pass: 'fresh images whose tag has not moved',
    });
  },
});
