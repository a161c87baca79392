import { defineCheck } from '../../check/define-check.js';
import { requiredTags } from './required-tags.js';

/** The ECS clusters carry every key of `requiredTagKeys` []; NOT_APPLICABLE while none is required. */
export const ecsClusterTagged = defineCheck({
  id: 'ecs-cluster-tagged',
  title: 'ECS clusters carry the required tag keys',
  resourceType: 'ecs-cluster',
  recommendation: 'CSA-4',
  severity: 'low',
  rationale:
    'Untagged ECS resources have no recorded owner, environment or data classification: findings cannot be routed to the team that must act, and tag-based access control and cost attribution do not apply to them.',
  remediation: {
    text: 'Add the required tag keys (with ECS resource tagging, so the tags reach tasks as well).',
    cli: 'aws ecs tag-resource --resource-arn <cluster-arn> --tags key=team,value=<team>',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_ecs_cluster" "this" {\n  tags = {\n    team = "<team>"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html',
  },
  mappings: { securityHub: ['ECS.14'] },
  reads: ['tags'],
  evaluate(resource, { config }) {
    return requiredTags(`Cluster ${resource.name}`, resource.tags, config);
  },
});
