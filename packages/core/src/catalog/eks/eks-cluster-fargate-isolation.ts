import { defineCheck } from '../../check/define-check.js';
import { notApplicable, pass } from '../../check/outcome.js';

export const eksClusterFargateIsolation = defineCheck({
  id: 'eks-cluster-fargate-isolation',
  title: 'EKS clusters run pods of selected namespaces on Fargate, one micro-VM per pod',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-1',
  severity: 'informational',
  rationale:
    'Pods on shared EC2 nodes share a kernel, so one container escape reaches its neighbours; Fargate runs each pod in its own micro-VM, the strongest isolation EKS offers for untrusted workloads.',
  remediation: {
    text: 'Run untrusted or sensitive workloads in namespaces selected by a Fargate profile.',
    cli: 'aws eks create-fargate-profile --cluster-name <cluster> --fargate-profile-name untrusted --pod-execution-role-arn <pod-execution-role-arn> --subnets <private-subnet-id> --selectors namespace=untrusted',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_fargate_profile" "untrusted" {\n  cluster_name           = aws_eks_cluster.this.name\n  fargate_profile_name   = "untrusted"\n  pod_execution_role_arn = aws_iam_role.fargate.arn\n  subnet_ids             = var.private_subnet_ids\n\n  selector {\n    namespace = "untrusted"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate.html',
  },
  mappings: {},
  reads: ['fargateProfiles'],
  evaluate(cluster) {
    if (cluster.fargateProfiles.length === 0) {
      return notApplicable(`Cluster ${cluster.name} has no Fargate profiles`);
    }
    const profiles = cluster.fargateProfiles.map((profile) => profile.name).join(', ');
    const namespaces = [...new Set(cluster.fargateProfiles.flatMap((profile) => profile.namespaces))];
    const selected = namespaces.length > 0 ? `namespaces ${namespaces.join(', ')}` : 'no namespace selectors';
    return pass(
      `Cluster ${cluster.name} runs pods of ${selected} on Fargate, one micro-VM per pod (profiles ${profiles})`,
    );
  },
});
