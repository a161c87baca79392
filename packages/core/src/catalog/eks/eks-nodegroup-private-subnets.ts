import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

export const eksNodegroupPrivateSubnets = defineCheck({
  id: 'eks-nodegroup-private-subnets',
  title: 'EKS nodegroups launch nodes only in subnets that assign no public IP',
  resourceType: 'eks-nodegroup',
  recommendation: 'CSA-2',
  severity: 'medium',
  rationale:
    'Nodes launched in a subnet that maps public IPs on launch are reachable from the internet, exposing the kubelet, node ports and any misconfigured host service to direct attack.',
  remediation: {
    text: 'Turn off public IP assignment on the subnets, or move the nodegroup to private subnets that reach the internet through a NAT gateway.',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_subnet" "nodes" {\n  map_public_ip_on_launch = false\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html',
  },
  mappings: {},
  reads: ['subnets'],
  evaluate(nodegroup) {
    if (nodegroup.subnets.length === 0) {
      return notApplicable(`Nodegroup ${nodegroup.name} lists no subnets to assess`);
    }
    const publicIds = nodegroup.subnets.filter((s) => s.mapPublicIpOnLaunch === true).map((s) => s.subnetId);
    const unknownIds = nodegroup.subnets
      .filter((s) => s.mapPublicIpOnLaunch === undefined)
      .map((s) => s.subnetId);
    const unknownNote =
      unknownIds.length > 0
        ? `; MapPublicIpOnLaunch is unknown for ${unknownIds.join(', ')}, which is not counted as a failure`
        : '';
    if (publicIds.length > 0) {
      return fail(
        `Nodegroup ${nodegroup.name} uses subnet(s) with MapPublicIpOnLaunch=true: ${publicIds.join(', ')}${unknownNote}`,
      );
    }
    const known = nodegroup.subnets.length - unknownIds.length;
    return pass(
      `Nodegroup ${nodegroup.name}: ${known} subnet(s) have MapPublicIpOnLaunch=false${unknownNote}`,
    );
  },
});
