import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { SecurityGroupRule } from '../../types/resource.js';
import { isWorldCidr } from './world-cidrs.js';

function describePorts(rule: SecurityGroupRule): string {
  if (rule.ipProtocol === '-1') return 'all traffic';
  if (rule.fromPort === undefined) return rule.ipProtocol;
  const ports =
    rule.toPort === undefined || rule.toPort === rule.fromPort
      ? `${rule.fromPort}`
      : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.ipProtocol} ${ports}`;
}

export const eksClusterSecurityGroupRestricted = defineCheck({
  id: 'eks-cluster-security-group-restricted',
  title: 'EKS cluster security groups admit no ingress from 0.0.0.0/0 or ::/0',
  resourceType: 'eks-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    'The cluster security group guards the control plane network interfaces and every node attached to it; an ingress rule open to the internet exposes the kubelet, node ports and API traffic to anyone.',
  remediation: {
    text: 'Revoke the world-open ingress rules from the cluster security group and allow only the security groups or CIDR ranges that need access.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <cluster-security-group-id> --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[{"CidrIpv6":"::/0"}]}]\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_vpc_security_group_ingress_rule" "api_from_bastion" {\n  security_group_id            = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id\n  referenced_security_group_id = aws_security_group.bastion.id\n  ip_protocol                  = "tcp"\n  from_port                    = 443\n  to_port                      = 443\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html',
  },
  mappings: {},
  reads: ['clusterSecurityGroup'],
  evaluate(cluster) {
    const group = cluster.clusterSecurityGroup;
    if (!group) return notApplicable(`Cluster ${cluster.name} has no cluster security group`);
    const open = group.ingress.flatMap(function worldSources(rule) {
      const sources = [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(isWorldCidr);
      return sources.map((source) => `${source} (${describePorts(rule)})`);
    });
    return open.length > 0
      ? fail(`Cluster ${cluster.name} security group ${group.groupId} allows ingress from ${open.join(', ')}`)
      : pass(
          `Cluster ${cluster.name} security group ${group.groupId} allows no ingress from 0.0.0.0/0 or ::/0`,
        );
  },
});
