import { describe, expect, it } from 'vitest';
import {
  normaliseEksAccessEntry,
  normaliseEksCluster,
  normaliseEksNodegroup,
  resolveLaunchTemplateVersion,
  unreadable,
} from '../../src/index.js';
import { ec2, eks } from '../../src/snapshot/schemas/index.js';
import { launchTemplateVersions, securityGroups, subnets } from '../helpers/ec2.js';
import { cli } from '../helpers/fixtures.js';

const scope = { accountId: '111122223333', region: 'us-east-2' };
const TEMPLATE = 'lt-068f72b72934aff71';

function sampleCluster() {
  return cli('eks/describe-cluster.json', eks.describeCluster).cluster;
}

function sampleNodegroup() {
  return cli('eks/describe-nodegroup.json', eks.describeNodegroup).nodegroup;
}

describe('normaliseEksCluster', () => {
  it('reads describe-cluster with its nodegroups, Fargate profile and cluster security group', () => {
    // Prepare
    const nodegroup = {
      ...sampleNodegroup(),
      labels: { 'customs.io/security-context': 'web' },
      taints: [{ key: 'customs.io/security-context', value: 'web', effect: 'NO_SCHEDULE' }],
    };
    const profile = cli('eks/describe-fargate-profile.json', eks.describeFargateProfile).fargateProfile;
    // Act
    const cluster = normaliseEksCluster({
      scope,
      cluster: sampleCluster(),
      nodegroups: [nodegroup],
      fargateProfiles: [profile],
      securityGroups: ec2.describeSecurityGroups.parse(securityGroups()).SecurityGroups,
    });
    // Assess
    expect(cluster).toMatchObject({
      type: 'eks-cluster',
      id: 'arn:aws:eks:us-east-2:111122223333:cluster/my-eks-cluster',
      name: 'my-eks-cluster',
      accountId: '111122223333',
      region: 'us-east-2',
      version: '1.26',
      status: 'ACTIVE',
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['22.19.18.2/32'],
      encryptedResources: [],
      logging: [
        { types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true },
      ],
      authenticationMode: 'API_AND_CONFIG_MAP',
      fargateProfiles: [{ name: 'my-fargate-profile', namespaces: ['prod*', '*dev*'] }],
      nodegroups: [
        {
          name: 'my-eks-nodegroup',
          labels: { 'customs.io/security-context': 'web' },
          taints: [{ key: 'customs.io/security-context', value: 'web', effect: 'NO_SCHEDULE' }],
        },
      ],
    });
    expect(cluster.deletionProtection).toBeUndefined();
    expect(cluster.clusterSecurityGroup?.groupId).toBe('sg-01c84d09d70f39a7f');
    expect(cluster.clusterSecurityGroup?.ingress[0]).toEqual({
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      ipv4Ranges: ['0.0.0.0/0'],
      ipv6Ranges: ['::/0'],
    });
    expect(cluster.unreadable).toBeUndefined();
  });

  it('marks what it could not read: the security group and the nodegroups', () => {
    const cluster = normaliseEksCluster({
      scope,
      cluster: sampleCluster(),
      nodegroups: unreadable('AccessDeniedException: eks:ListNodegroups'),
      fargateProfiles: undefined,
      securityGroups: [],
    });
    expect(cluster.clusterSecurityGroup).toBeUndefined();
    expect(cluster.unreadable).toEqual({
      clusterSecurityGroup: 'security group sg-01c84d09d70f39a7f not returned by DescribeSecurityGroups',
      nodegroups: 'AccessDeniedException: eks:ListNodegroups',
    });
    expect(cluster.fargateProfiles).toEqual([]);
  });
});

describe('normaliseEksNodegroup', () => {
  it('reads describe-nodegroup, named cluster/nodegroup, with its subnets’ public IP setting', () => {
    const nodegroup = normaliseEksNodegroup({
      scope,
      nodegroup: sampleNodegroup(),
      launchTemplateVersions: undefined,
      subnets: ec2.describeSubnets.parse(subnets()).Subnets,
    });
    expect(nodegroup).toMatchObject({
      type: 'eks-nodegroup',
      id: 'arn:aws:eks:us-east-2:111122223333:nodegroup/my-eks-cluster/my-eks-nodegroup/a8c75f2f-df78-a72f-4063-4b69af3de5b1',
      name: 'my-eks-cluster/my-eks-nodegroup',
      clusterName: 'my-eks-cluster',
      amiType: 'AL2_x86_64',
      labels: {},
      taints: [],
      subnets: [
        { subnetId: 'subnet-0e2907431c9988b72', mapPublicIpOnLaunch: true },
        { subnetId: 'subnet-04ad87f71c6e5ab4d', mapPublicIpOnLaunch: false },
        { subnetId: 'subnet-09d912bb63ef21b9a' },
      ],
    });
    expect(nodegroup.launchTemplate).toBeUndefined();
    expect(nodegroup.remoteAccess).toBeUndefined();
    expect(nodegroup.unreadable).toEqual({
      subnets: 'subnet subnet-09d912bb63ef21b9a not returned by DescribeSubnets',
    });
  });

  it.each([
    ['$Default', '1', 'required', 2],
    ['$Latest', '3', 'required', 1],
    ['2', '2', 'optional', 2],
  ])('uses the metadata options of launch template version %s', (version, used, httpTokens, hopLimit) => {
    const nodegroup = normaliseEksNodegroup({
      scope,
      nodegroup: { ...sampleNodegroup(), launchTemplate: { id: TEMPLATE, name: 'Webservers', version } },
      launchTemplateVersions: ec2.describeLaunchTemplateVersions.parse(launchTemplateVersions(TEMPLATE))
        .LaunchTemplateVersions,
      subnets: [],
    });
    expect(nodegroup.launchTemplate).toEqual({
      id: TEMPLATE,
      name: 'Webservers',
      version: used,
      metadataOptions: { httpTokens, httpPutResponseHopLimit: hopLimit, httpEndpoint: 'enabled' },
    });
  });

  it('marks the launch template unreadable when its version or the template is not found', () => {
    const versions = ec2.describeLaunchTemplateVersions.parse(
      launchTemplateVersions(TEMPLATE),
    ).LaunchTemplateVersions;
    const missingVersion = normaliseEksNodegroup({
      scope,
      nodegroup: { ...sampleNodegroup(), launchTemplate: { id: TEMPLATE, version: '7' } },
      launchTemplateVersions: versions,
      subnets: [],
    });
    const missingTemplate = normaliseEksNodegroup({
      scope,
      nodegroup: { ...sampleNodegroup(), launchTemplate: { id: TEMPLATE, version: '1' } },
      launchTemplateVersions: undefined,
      subnets: [],
    });
    expect(missingVersion.unreadable?.launchTemplate).toBe(`version 7 of ${TEMPLATE} not found`);
    expect(missingTemplate.unreadable?.launchTemplate).toBe(`launch template ${TEMPLATE} not found`);
    expect(missingTemplate.launchTemplate).toEqual({ id: TEMPLATE, version: '1' });
  });

  it('resolves no version in an empty list', () => {
    expect(resolveLaunchTemplateVersion([], '$Latest')).toBeUndefined();
  });
});

describe('normaliseEksAccessEntry', () => {
  const principalArn = 'arn:aws:iam::111122223333:role/Admin';

  it('reads list-associated-access-policies; without DescribeAccessEntry the id is built from the principal', () => {
    const { associatedAccessPolicies } = cli(
      'eks/list-associated-access-policies.json',
      eks.listAssociatedAccessPolicies,
    );
    const entry = normaliseEksAccessEntry({
      scope,
      clusterName: 'eks-customer',
      principalArn,
      entry: undefined,
      associatedPolicies: associatedAccessPolicies,
    });
    expect(entry).toMatchObject({
      type: 'eks-access-entry',
      id: `arn:aws:eks:us-east-2:111122223333:access-entry/eks-customer/${principalArn}`,
      name: `eks-customer/${principalArn}`,
      clusterName: 'eks-customer',
      principalArn,
      associatedPolicies: [
        {
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
          accessScope: { type: 'cluster', namespaces: [] },
        },
      ],
    });
    expect(entry.unreadable).toHaveProperty('kubernetesGroups');
  });

  it('uses the access entry ARN and type when DescribeAccessEntry is known', () => {
    const accessEntryArn =
      'arn:aws:eks:us-east-2:111122223333:access-entry/eks-customer/role/111122223333/Admin/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    const entry = normaliseEksAccessEntry({
      scope,
      clusterName: 'eks-customer',
      principalArn,
      entry: {
        accessEntryArn,
        principalArn,
        type: 'STANDARD',
        kubernetesGroups: ['viewers'],
        username: 'admin',
      },
      associatedPolicies: undefined,
    });
    expect(entry).toMatchObject({
      id: accessEntryArn,
      entryType: 'STANDARD',
      kubernetesGroups: ['viewers'],
      username: 'admin',
    });
    expect(entry.associatedPolicies).toEqual([]);
    expect(entry.unreadable).toBeUndefined();
  });
});
