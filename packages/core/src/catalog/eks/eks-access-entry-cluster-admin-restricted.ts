import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

const CLUSTER_ADMIN_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

export const eksAccessEntryClusterAdminRestricted = defineCheck({
  id: 'eks-access-entry-cluster-admin-restricted',
  title: 'EKS access entries grant cluster-wide AmazonEKSClusterAdminPolicy only to allowlisted principals',
  resourceType: 'eks-access-entry',
  recommendation: 'CSA-5',
  severity: 'high',
  rationale:
    'AmazonEKSClusterAdminPolicy at cluster scope is cluster-admin: full control of every namespace, secret and workload, so each principal holding it beyond a short approved list widens who can take over the cluster.',
  remediation: {
    text: 'Disassociate AmazonEKSClusterAdminPolicy from the principal and grant a narrower policy (for example AmazonEKSEditPolicy scoped to its namespaces), or add the principal to clusterAdminAllowlist if it is an approved admin.',
    cli: 'aws eks disassociate-access-policy --cluster-name <cluster> --principal-arn <principal-arn> --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_access_policy_association" "team" {\n  cluster_name  = aws_eks_cluster.this.name\n  principal_arn = "<principal-arn>"\n  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"\n\n  access_scope {\n    type       = "namespace"\n    namespaces = ["team"]\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html',
  },
  mappings: {},
  reads: ['associatedPolicies', 'principalArn'],
  evaluate(entry, { config }) {
    const clusterAdmin = entry.associatedPolicies.some(
      (policy) => policy.policyArn === CLUSTER_ADMIN_POLICY_ARN && policy.accessScope.type === 'cluster',
    );
    if (!clusterAdmin) {
      return pass(
        `Access entry ${entry.principalArn} on cluster ${entry.clusterName} has no cluster-scoped AmazonEKSClusterAdminPolicy`,
      );
    }
    return config.clusterAdminAllowlist.includes(entry.principalArn)
      ? pass(
          `Access entry ${entry.principalArn} on cluster ${entry.clusterName} holds cluster-scoped AmazonEKSClusterAdminPolicy and is in clusterAdminAllowlist`,
        )
      : fail(
          `Access entry ${entry.principalArn} on cluster ${entry.clusterName} holds cluster-scoped AmazonEKSClusterAdminPolicy and is not in clusterAdminAllowlist`,
        );
  },
});
