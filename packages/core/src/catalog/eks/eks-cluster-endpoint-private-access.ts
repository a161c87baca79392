import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const eksClusterEndpointPrivateAccess = defineCheck({
  id: 'eks-cluster-endpoint-private-access',
  title: 'EKS clusters have private API endpoint access enabled',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    'Without the private endpoint, kubelets and in-VPC clients reach the API server over its public endpoint, so node traffic leaves the VPC and the public endpoint cannot be turned off without cutting the nodes off.',
  remediation: {
    text: 'Enable private endpoint access so node-to-control-plane traffic stays inside the VPC.',
    cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPrivateAccess=true',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_cluster" "this" {\n  vpc_config {\n    endpoint_private_access = true\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  },
  mappings: { prowler: ['eks_cluster_private_nodes_enabled'], cisEks: ['5.4.3'] },
  reads: ['endpointPrivateAccess'],
  evaluate(cluster) {
    return cluster.endpointPrivateAccess === true
      ? pass(`Cluster ${cluster.name} has private endpoint access enabled`)
      : fail(
          `Cluster ${cluster.name} has endpointPrivateAccess=${String(cluster.endpointPrivateAccess ?? false)}`,
        );
  },
});
