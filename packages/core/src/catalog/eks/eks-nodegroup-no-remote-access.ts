import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

export const eksNodegroupNoRemoteAccess = defineCheck({
  id: 'eks-nodegroup-no-remote-access',
  title: 'EKS nodegroups do not open SSH to the world',
  resourceType: 'eks-nodegroup',
  recommendation: 'CSA-2',
  severity: 'high',
  rationale:
    'A nodegroup with an SSH key and no source security groups gets port 22 opened to 0.0.0.0/0 on its nodes, so anyone who obtains the key can log into the hosts and every container on them.',
  remediation: {
    text: 'Remote access cannot be changed on an existing nodegroup: replace it with one that has no remote access (use SSM Session Manager) or that limits SSH to named source security groups, then delete the old nodegroup.',
    cli: 'aws eks create-nodegroup --cluster-name <cluster> --nodegroup-name <nodegroup>-v2 --node-role <node-role-arn> --subnets <subnet-id> <subnet-id> --remote-access ec2SshKey=<key-name>,sourceSecurityGroups=<bastion-sg-id>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_eks_node_group" "this" {\n  remote_access {\n    ec2_ssh_key               = "<key-name>"\n    source_security_group_ids = [aws_security_group.bastion.id]\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/create-managed-node-group.html',
  },
  mappings: { cisEks: ['5.4'] },
  reads: ['remoteAccess'],
  evaluate(nodegroup) {
    const key = nodegroup.remoteAccess?.ec2SshKey;
    if (!key) return pass(`Nodegroup ${nodegroup.name} has no SSH remote access`);
    const groups = nodegroup.remoteAccess?.sourceSecurityGroups ?? [];
    return groups.length === 0
      ? fail(
          `Nodegroup ${nodegroup.name} allows SSH with key ${key} from anywhere (sourceSecurityGroups is empty)`,
        )
      : pass(`Nodegroup ${nodegroup.name} allows SSH with key ${key} only from ${groups.join(', ')}`);
  },
});
