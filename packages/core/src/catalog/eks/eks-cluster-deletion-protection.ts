import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const eksClusterDeletionProtection = defineCheck({
  id: 'eks-cluster-deletion-protection',
  title: 'EKS clusters have deletion protection enabled',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'low',
  rationale:
    'Without deletion protection a single mistaken or malicious DeleteCluster call removes the control plane and every workload scheduled on it.',
  remediation: {
    text: 'Turn on deletion protection for the cluster.',
    cli: 'aws eks update-cluster-config --name <cluster> --deletion-protection',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_eks_cluster" "this" {\n  deletion_protection = true\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/deletion-protection.html',
  },
  mappings: { prowler: ['eks_cluster_deletion_protection_enabled'] },
  reads: ['deletionProtection'],
  evaluate(cluster) {
    return cluster.deletionProtection === true
      ? pass(`Cluster ${cluster.name} has deletion protection enabled`)
      : fail(`Cluster ${cluster.name} has deletionProtection=${String(cluster.deletionProtection ?? false)}`);
  },
});
