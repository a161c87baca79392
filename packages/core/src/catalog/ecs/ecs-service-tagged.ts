import { defineCheck } from '../../check/define-check.js';
import { requiredTags } from './required-tags.js';

/** The ECS services carry every key of `requiredTagKeys` []; NOT_APPLICABLE while none is required. */
export const ecsServiceTagged = defineCheck({
  id: 'ecs-service-tagged',
  title: 'ECS services carry the required tag keys',
  resourceType: 'ecs-service',
  recommendation: 'CSA-4',
  severity: 'low',
  rationale:
    'Untagged ECS resources have no recorded owner, environment or data classification: findings cannot be routed to the team that must act, and tag-based access control and cost attribution do not apply to them.',
  remediation: {
    text: 'Add the required tag keys (with ECS resource tagging, so the tags reach tasks as well).',
    cli: 'aws ecs tag-resource --resource-arn <service-arn> --tags key=team,value=<team>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_service" "this" {\n  propagate_tags = "SERVICE"\n  tags = {\n    team = "<team>"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html',
  },
  mappings: { securityHub: ['ECS.13'] },
  reads: ['tags'],
  evaluate(resource, { config }) {
    return requiredTags(`Service ${resource.name}`, resource.tags, config);
  },
});
