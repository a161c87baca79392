import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { isWorldCidr } from './world-cidrs.js';

export const eksClusterEndpointNotPublic = defineCheck({
  id: 'eks-cluster-endpoint-not-public',
  title: 'EKS cluster API endpoints are not open to the whole internet',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'high',
  rationale:
    'A public API endpoint that accepts 0.0.0.0/0 lets anyone on the internet reach the Kubernetes API server, to fingerprint its version, brute-force credentials or exploit an API server vulnerability.',
  remediation: {
    text: 'Turn off public endpoint access and reach the API through the private endpoint, or keep it public but restrict publicAccessCidrs to known networks.',
    cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_cluster" "this" {\n  vpc_config {\n    endpoint_public_access  = false\n    endpoint_private_access = true\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  },
  mappings: {
    securityHub: ['EKS.1'],
    config: ['eks-endpoint-no-public-access'],
    prowler: ['eks_cluster_not_publicly_accessible'],
    cisEks: ['5.4.2'],
  },
  reads: ['endpointPublicAccess', 'publicAccessCidrs'],
  evaluate(cluster) {
    if (cluster.endpointPublicAccess !== true) {
      return pass(`Cluster ${cluster.name} has public endpoint access disabled`);
    }
    if (cluster.publicAccessCidrs.length === 0) {
      return fail(
        `Cluster ${cluster.name} has a public endpoint with no publicAccessCidrs, which EKS treats as 0.0.0.0/0`,
      );
    }
    const open = cluster.publicAccessCidrs.filter(isWorldCidr);
    return open.length > 0
      ? fail(`Cluster ${cluster.name} has a public endpoint open to ${open.join(', ')}`)
      : pass(
          `Cluster ${cluster.name} has a public endpoint restricted to ${cluster.publicAccessCidrs.join(', ')}`,
        );
  },
});
