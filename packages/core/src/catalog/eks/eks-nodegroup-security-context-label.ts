import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const eksNodegroupSecurityContextLabel = defineCheck({
  id: 'eks-nodegroup-security-context-label',
  title: 'EKS nodegroups carry a security-context label',
  resourceType: 'eks-nodegroup',
  recommendation: 'CSA-2',
  severity: 'medium',
  rationale:
    'Without a label naming the security context its hosts serve, a nodegroup cannot be targeted by node affinity, so workloads of different trust levels end up sharing the same VMs.',
  remediation: {
    text: 'Label the nodegroup with the configured isolation label key (default customs.io/security-context) and the security context its nodes serve.',
    cli: "aws eks update-nodegroup-config --cluster-name <cluster> --nodegroup-name <nodegroup> --labels 'addOrUpdateLabels={customs.io/security-context=<context>}'",
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_node_group" "this" {\n  labels = {\n    "customs.io/security-context" = "<context>"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html',
  },
  mappings: {},
  reads: ['labels'],
  evaluate(nodegroup, { config }) {
    const key = config.isolationLabelKey;
    const value = nodegroup.labels[key];
    if (value !== undefined) return pass(`Nodegroup ${nodegroup.name} has label ${key}=${value}`);
    const present = Object.keys(nodegroup.labels);
    const labels = present.length > 0 ? `its labels are ${present.join(', ')}` : 'it has no labels';
    return fail(`Nodegroup ${nodegroup.name} lacks label ${key} (${labels})`);
  },
});
