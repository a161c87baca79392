import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

export const eksClusterNoBootstrapAdmin = defineCheck({
  id: 'eks-cluster-no-bootstrap-admin',
  title: 'EKS clusters do not grant their creator implicit cluster-admin',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-5',
  severity: 'low',
  rationale:
    'With bootstrapClusterCreatorAdminPermissions the IAM identity that created the cluster (often a CI role or a person) keeps cluster-admin, an access path nobody granted on purpose and that outlives role changes.',
  remediation: {
    text: "The flag is fixed at creation: delete the creator's access entry (after granting admins their own entries), and create future clusters with bootstrapClusterCreatorAdminPermissions=false.",
    cli: 'aws eks delete-access-entry --cluster-name <cluster> --principal-arn <creator-principal-arn>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_cluster" "this" {\n  access_config {\n    authentication_mode                         = "API"\n    bootstrap_cluster_creator_admin_permissions = false\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html',
  },
  mappings: {},
  reads: ['bootstrapClusterCreatorAdminPermissions'],
  evaluate(cluster) {
    const bootstrap = cluster.bootstrapClusterCreatorAdminPermissions;
    if (bootstrap === undefined) {
      return notApplicable(
        `Cluster ${cluster.name} does not report bootstrapClusterCreatorAdminPermissions, so whether its creator holds implicit admin cannot be told`,
      );
    }
    return bootstrap
      ? fail(`Cluster ${cluster.name} has bootstrapClusterCreatorAdminPermissions=true`)
      : pass(`Cluster ${cluster.name} has bootstrapClusterCreatorAdminPermissions=false`);
  },
});
