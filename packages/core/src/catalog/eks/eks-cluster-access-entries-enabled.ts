import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const eksClusterAccessEntriesEnabled = defineCheck({
  id: 'eks-cluster-access-entries-enabled',
  title: 'EKS clusters authenticate through access entries, not only the aws-auth ConfigMap',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-5',
  severity: 'medium',
  rationale:
    'With only the aws-auth ConfigMap, cluster access is an in-cluster YAML file that anyone with edit rights on kube-system can change, invisible to IAM and CloudTrail; access entries are managed and audited through the EKS API.',
  remediation: {
    text: 'Switch the authentication mode to API_AND_CONFIG_MAP, migrate the aws-auth mappings to access entries, then move to API (the change is one-way).',
    cli: 'aws eks update-cluster-config --name <cluster> --access-config authenticationMode=API_AND_CONFIG_MAP',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_cluster" "this" {\n  access_config {\n    authentication_mode = "API"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html',
  },
  mappings: {},
  reads: ['authenticationMode'],
  evaluate(cluster) {
    const mode = cluster.authenticationMode;
    if (mode === undefined) {
      return fail(
        `Cluster ${cluster.name} reports no authenticationMode, so it authenticates through the aws-auth ConfigMap only`,
      );
    }
    return mode === 'CONFIG_MAP'
      ? fail(`Cluster ${cluster.name} has authenticationMode=CONFIG_MAP`)
      : pass(`Cluster ${cluster.name} has authenticationMode=${mode}`);
  },
});
