import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

const MAX_HOP_LIMIT = 1;

export const eksNodegroupImdsv2Required = defineCheck({
  id: 'eks-nodegroup-imdsv2-required',
  title: 'EKS nodegroups require IMDSv2 with a hop limit of 1 in their launch template',
  resourceType: 'eks-nodegroup',
  recommendation: 'CSA-1',
  severity: 'high',
  rationale:
    "Without IMDSv2 and a hop limit of 1, any pod can reach the instance metadata service and take the node's IAM role credentials, escaping the container's isolation into the account.",
  remediation: {
    text: 'Create a launch template version with MetadataOptions HttpTokens=required and HttpPutResponseHopLimit=1, then roll the nodegroup onto it (pods that need AWS access use EKS Pod Identity or IRSA instead).',
    cli: 'aws ec2 create-launch-template-version --launch-template-id <launch-template-id> --source-version <version> --launch-template-data \'{"MetadataOptions":{"HttpEndpoint":"enabled","HttpTokens":"required","HttpPutResponseHopLimit":1}}\' && aws eks update-nodegroup-version --cluster-name <cluster> --nodegroup-name <nodegroup> --launch-template id=<launch-template-id>,version=<new-version>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_launch_template" "nodes" {\n  metadata_options {\n    http_endpoint               = "enabled"\n    http_tokens                 = "required"\n    http_put_response_hop_limit = 1\n  }\n}\n\nresource "aws_eks_node_group" "this" {\n  launch_template {\n    id      = aws_launch_template.nodes.id\n    version = aws_launch_template.nodes.latest_version\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html',
  },
  mappings: {},
  reads: ['launchTemplate'],
  evaluate(nodegroup) {
    const template = nodegroup.launchTemplate;
    if (!template) {
      return fail(
        `Nodegroup ${nodegroup.name} has no launch template, so EKS applies its default metadata options (hop limit 2, reachable from pods)`,
      );
    }
    const label = `launch template ${template.id ?? template.name ?? '(unnamed)'} version ${template.version ?? '(default)'}`;
    const options = template.metadataOptions;
    if (!options) {
      return fail(`Nodegroup ${nodegroup.name}: ${label} sets no metadata options`);
    }
    const problems: string[] = [];
    if (options.httpTokens !== 'required') problems.push(`HttpTokens=${options.httpTokens ?? '(unset)'}`);
    const hops = options.httpPutResponseHopLimit;
    if (hops === undefined || hops > MAX_HOP_LIMIT) {
      problems.push(`HttpPutResponseHopLimit=${hops ?? '(unset)'}`);
    }
    return problems.length > 0
      ? fail(
          `Nodegroup ${nodegroup.name}: ${label} has ${problems.join(', ')} (needs HttpTokens=required, hop limit ≤ 1)`,
        )
      : pass(`Nodegroup ${nodegroup.name}: ${label} requires IMDSv2 with hop limit ${hops}`);
  },
});
