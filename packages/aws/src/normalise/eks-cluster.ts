import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { Cluster, FargateProfile, Nodegroup } from '@aws-sdk/client-eks';
import type { EksCluster, SecurityGroupRule } from '@customs/core';
import { labelsOf, taintsOf } from './kubernetes.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, type Wire } from './wire.js';

/** What an EKS cluster is read from. */
export interface EksClusterInput {
  scope: Scope;
  /** DescribeCluster `cluster`. */
  cluster: Wire<Cluster>;
  /** DescribeNodegroup `nodegroup` of each of the cluster's nodegroups. */
  nodegroups: Known<Wire<Nodegroup>[]>;
  /** DescribeFargateProfile `fargateProfile` of each profile; undefined = none. */
  fargateProfiles: Known<Wire<FargateProfile>[]>;
  /** DescribeSecurityGroups `SecurityGroups` (at least the cluster security group). */
  securityGroups: Known<Wire<SecurityGroup>[]>;
}

/**
 * An EKS cluster with its nodegroups' labels and taints, Fargate namespaces and the ingress
 * rules of its cluster security group.
 * @example normaliseEksCluster({ scope, cluster, nodegroups: [], fargateProfiles: undefined, securityGroups: [] });
 */
export function normaliseEksCluster(input: EksClusterInput): EksCluster {
  const { cluster, scope } = input;
  const name = cluster.name ?? '';
  const where = locate(cluster.arn, scope);
  const vpc = cluster.resourcesVpcConfig;
  const unreadable = new UnreadableProperties();
  const clusterSecurityGroup = securityGroupOf(vpc?.clusterSecurityGroupId, input.securityGroups, unreadable);
  return {
    type: 'eks-cluster',
    id: cluster.arn ?? `arn:aws:eks:${where.region}:${where.accountId}:cluster/${name}`,
    name,
    ...where,
    ...(cluster.version ? { version: cluster.version } : {}),
    ...(cluster.status ? { status: cluster.status } : {}),
    ...(vpc?.endpointPublicAccess === undefined ? {} : { endpointPublicAccess: vpc.endpointPublicAccess }),
    ...(vpc?.endpointPrivateAccess === undefined ? {} : { endpointPrivateAccess: vpc.endpointPrivateAccess }),
    publicAccessCidrs: vpc?.publicAccessCidrs ?? [],
    encryptedResources: [
      ...new Set((cluster.encryptionConfig ?? []).flatMap((entry) => entry.resources ?? [])),
    ],
    logging: (cluster.logging?.clusterLogging ?? []).map((entry) => ({
      types: entry.types ?? [],
      enabled: entry.enabled === true,
    })),
    ...(cluster.deletionProtection === undefined ? {} : { deletionProtection: cluster.deletionProtection }),
    ...(cluster.accessConfig?.authenticationMode
      ? { authenticationMode: cluster.accessConfig.authenticationMode }
      : {}),
    ...(cluster.accessConfig?.bootstrapClusterCreatorAdminPermissions === undefined
      ? {}
      : {
          bootstrapClusterCreatorAdminPermissions:
            cluster.accessConfig.bootstrapClusterCreatorAdminPermissions,
        }),
    ...(clusterSecurityGroup ? { clusterSecurityGroup } : {}),
    fargateProfiles: fargateProfilesOf(input.fargateProfiles, unreadable),
    nodegroups: nodegroupSummaries(input.nodegroups, unreadable),
    ...withUnreadable(unreadable),
  };
}

function securityGroupOf(
  groupId: string | undefined,
  groups: EksClusterInput['securityGroups'],
  unreadable: UnreadableProperties,
): EksCluster['clusterSecurityGroup'] {
  if (!groupId) return undefined;
  if (isUnreadable(groups)) {
    unreadable.add('clusterSecurityGroup', groups.unreadable);
    return undefined;
  }
  const group = (groups ?? []).find((candidate) => candidate.GroupId === groupId);
  if (!group) {
    unreadable.add(
      'clusterSecurityGroup',
      `security group ${groupId} not returned by DescribeSecurityGroups`,
    );
    return undefined;
  }
  return { groupId, ingress: (group.IpPermissions ?? []).map(toRule) };
}

function toRule(permission: Wire<NonNullable<SecurityGroup['IpPermissions']>[number]>): SecurityGroupRule {
  return {
    ipProtocol: permission.IpProtocol ?? '-1',
    ...(permission.FromPort === undefined ? {} : { fromPort: permission.FromPort }),
    ...(permission.ToPort === undefined ? {} : { toPort: permission.ToPort }),
    ipv4Ranges: (permission.IpRanges ?? []).flatMap((range) => (range.CidrIp ? [range.CidrIp] : [])),
    ipv6Ranges: (permission.Ipv6Ranges ?? []).flatMap((range) => (range.CidrIpv6 ? [range.CidrIpv6] : [])),
  };
}

function fargateProfilesOf(
  profiles: EksClusterInput['fargateProfiles'],
  unreadable: UnreadableProperties,
): EksCluster['fargateProfiles'] {
  if (isUnreadable(profiles)) {
    unreadable.add('fargateProfiles', profiles.unreadable);
    return [];
  }
  return (profiles ?? []).map((profile) => ({
    name: profile.fargateProfileName ?? '',
    namespaces: (profile.selectors ?? []).flatMap((selector) =>
      selector.namespace ? [selector.namespace] : [],
    ),
  }));
}

function nodegroupSummaries(
  nodegroups: EksClusterInput['nodegroups'],
  unreadable: UnreadableProperties,
): EksCluster['nodegroups'] {
  if (isUnreadable(nodegroups)) {
    unreadable.add('nodegroups', nodegroups.unreadable);
    return [];
  }
  return (nodegroups ?? []).map((nodegroup) => ({
    name: nodegroup.nodegroupName ?? '',
    labels: labelsOf(nodegroup.labels),
    taints: taintsOf(nodegroup.taints),
  }));
}
