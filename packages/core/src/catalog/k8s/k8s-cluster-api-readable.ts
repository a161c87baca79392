import { defineCheck } from '../../check/define-check.js';
import { pass } from '../../check/outcome.js';

/**
 * Whether Customs could read the cluster's Kubernetes API at all. The check itself only ever
 * passes: when the reader could not read the API it marks `api` unreadable with its reason (the
 * cluster, the call, what to do), and the engine gives this check ERROR with that reason, since
 * the workloads, namespaces and RBAC of the cluster then go unassessed.
 */
export const k8sClusterApiReadable = defineCheck({
  id: 'k8s-cluster-api-readable',
  title: "Customs can read the EKS cluster's Kubernetes API",
  resourceType: 'k8s-cluster',
  recommendation: 'CSA-4',
  severity: 'high',
  rationale:
    "Customs assesses pods, namespaces and RBAC through the cluster's Kubernetes API: while it cannot read it (a private endpoint out of reach, no access entry for Customs' role, a refused or unexpected answer), nothing running in the cluster is assessed, and findings of its workloads stay as they were last read.",
  remediation: {
    text: "Give Customs' IAM role an access entry on the cluster associated with AmazonEKSViewPolicy at cluster scope (the cluster's authentication mode must allow access entries); for a cluster with a private endpoint only, run Customs with network access to it (in the cluster's VPC). The ERROR finding names the call that failed and why.",
    cli: 'aws eks create-access-entry --cluster-name <cluster> --principal-arn <customs-role-arn> && aws eks associate-access-policy --cluster-name <cluster> --principal-arn <customs-role-arn> --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_access_entry" "customs" {\n  cluster_name  = aws_eks_cluster.this.name\n  principal_arn = "<customs-role-arn>"\n}\n\nresource "aws_eks_access_policy_association" "customs_view" {\n  cluster_name  = aws_eks_cluster.this.name\n  principal_arn = aws_eks_access_entry.customs.principal_arn\n  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"\n\n  access_scope {\n    type = "cluster"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html',
  },
  mappings: {},
  reads: ['api'],
  evaluate(cluster) {
    const version = cluster.api.gitVersion ?? 'version not reported by GET /version';
    const { namespaces, workloads } = cluster.counts;
    return pass(
      `Cluster ${cluster.clusterName}: read ${namespaces} namespace(s) and ${workloads} workload(s) (Kubernetes ${version})`,
    );
  },
});
