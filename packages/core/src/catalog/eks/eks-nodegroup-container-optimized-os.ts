import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

/** EKS AMI type prefixes of container-optimized operating systems. */
const OPTIMIZED_PREFIXES = ['BOTTLEROCKET_', 'AL2023_'];

export const eksNodegroupContainerOptimizedOs = defineCheck({
  id: 'eks-nodegroup-container-optimized-os',
  title: 'EKS nodegroups run a container-optimized OS (Bottlerocket or Amazon Linux 2023)',
  resourceType: 'eks-nodegroup',
  recommendation: 'CSA-1',
  severity: 'low',
  rationale:
    'A general-purpose node OS carries packages, shells and services that containers never need, widening the attack surface a container escape can use; Bottlerocket and AL2023 ship a minimal, hardened host.',
  remediation: {
    text: 'Create a replacement nodegroup with a Bottlerocket or AL2023 AMI type, move the workloads to it, then delete the old nodegroup (the AMI type of a nodegroup cannot be changed in place).',
    cli: 'aws eks create-nodegroup --cluster-name <cluster> --nodegroup-name <nodegroup>-bottlerocket --ami-type BOTTLEROCKET_x86_64 --node-role <node-role-arn> --subnets <subnet-id> <subnet-id>',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_eks_node_group" "this" {\n  ami_type = "BOTTLEROCKET_x86_64"\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-amis.html',
  },
  mappings: {},
  reads: ['amiType'],
  evaluate(nodegroup) {
    const amiType = nodegroup.amiType;
    if (amiType === 'CUSTOM') {
      return notApplicable(
        `Nodegroup ${nodegroup.name} uses amiType CUSTOM: its AMI is set in the launch template, not by an EKS AMI type`,
      );
    }
    if (amiType === undefined) return fail(`Nodegroup ${nodegroup.name} reports no amiType`);
    return OPTIMIZED_PREFIXES.some((prefix) => amiType.startsWith(prefix))
      ? pass(`Nodegroup ${nodegroup.name} runs amiType ${amiType}`)
      : fail(`Nodegroup ${nodegroup.name} runs amiType ${amiType}, not Bottlerocket or AL2023`);
  },
});
