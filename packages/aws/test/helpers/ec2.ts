/**
 * EC2 bodies in the shapes of AWS's published CLI examples (aws-cli
 * awscli/examples/ec2/describe-launch-template-versions.rst, describe-subnets.rst,
 * describe-security-groups.rst), with `MetadataOptions` as DescribeLaunchTemplateVersions
 * documents it.
 */
export function launchTemplateVersions(templateId: string) {
  const version = (VersionNumber: number, DefaultVersion: boolean, HttpTokens: string, hopLimit: number) => ({
    LaunchTemplateId: templateId,
    LaunchTemplateName: 'Webservers',
    VersionNumber,
    CreatedBy: 'arn:aws:iam::123456789102:root',
    LaunchTemplateData: {
      KeyName: 'kp-us-east',
      ImageId: 'ami-6057e21a',
      InstanceType: 't2.small',
      MetadataOptions: { HttpTokens, HttpPutResponseHopLimit: hopLimit, HttpEndpoint: 'enabled' },
    },
    DefaultVersion,
    CreateTime: '2017-11-20T13:19:54.000Z',
  });
  return {
    LaunchTemplateVersions: [
      version(3, false, 'required', 1),
      version(2, false, 'optional', 2),
      version(1, true, 'required', 2),
    ],
  };
}

/** DescribeSubnets with the nodegroup sample's first subnet public and the second private. */
export function subnets() {
  const subnet = (SubnetId: string, MapPublicIpOnLaunch: boolean) => ({
    VpcId: 'vpc-0012b8e1cc0abb17d',
    CidrBlock: '10.0.1.0/24',
    MapPublicIpOnLaunch,
    DefaultForAz: false,
    State: 'available',
    AvailabilityZone: 'us-east-2a',
    SubnetId,
    AvailableIpAddressCount: 251,
  });
  return { Subnets: [subnet('subnet-0e2907431c9988b72', true), subnet('subnet-04ad87f71c6e5ab4d', false)] };
}

/** DescribeSecurityGroups with the describe-cluster sample's cluster security group, open on 443. */
export function securityGroups() {
  return {
    SecurityGroups: [
      {
        IpPermissionsEgress: [],
        Description:
          'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes',
        IpPermissions: [
          {
            PrefixListIds: [],
            FromPort: 443,
            IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0' }],
            ToPort: 443,
            IpProtocol: 'tcp',
            UserIdGroupPairs: [],
          },
          {
            IpProtocol: '-1',
            IpRanges: [],
            UserIdGroupPairs: [{ UserId: '111122223333', GroupId: 'sg-01c84d09d70f39a7f' }],
          },
        ],
        GroupName: 'eks-cluster-sg-my-eks-cluster',
        VpcId: 'vpc-0012b8e1cc0abb17d',
        OwnerId: '111122223333',
        GroupId: 'sg-01c84d09d70f39a7f',
      },
    ],
  };
}
