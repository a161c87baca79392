import type { LaunchTemplateVersion, Subnet } from '@aws-sdk/client-ec2';
import type { Nodegroup } from '@aws-sdk/client-eks';
import type { EksNodegroup } from '@customs/core';
import { labelsOf, taintsOf } from './kubernetes.js';
import { resolveLaunchTemplateVersion } from './launch-template.js';
import { isUnreadable, type Known, UnreadableProperties, withUnreadable } from './unreadable.js';
import { locate, type Scope, type Wire } from './wire.js';

/** What an EKS managed nodegroup is read from. */
export interface EksNodegroupInput {
  scope: Scope;
  /** DescribeNodegroup `nodegroup`. */
  nodegroup: Wire<Nodegroup>;
  /** DescribeLaunchTemplateVersions `LaunchTemplateVersions` of its launch template; undefined = not found. */
  launchTemplateVersions: Known<Wire<LaunchTemplateVersion>[]>;
  /** DescribeSubnets `Subnets` (at least the nodegroup's). */
  subnets: Known<Wire<Subnet>[]>;
}

/**
 * An EKS managed nodegroup, named `<cluster>/<nodegroup>`, with the metadata options of the
 * launch template version it uses and its subnets' `MapPublicIpOnLaunch`.
 * @example normaliseEksNodegroup({ scope, nodegroup, launchTemplateVersions: undefined, subnets: [] });
 */
export function normaliseEksNodegroup(input: EksNodegroupInput): EksNodegroup {
  const { nodegroup, scope } = input;
  const clusterName = nodegroup.clusterName ?? '';
  const name = nodegroup.nodegroupName ?? '';
  const where = locate(nodegroup.nodegroupArn, scope);
  const unreadable = new UnreadableProperties();
  const remote = nodegroup.remoteAccess;
  const launchTemplate = launchTemplateOf(nodegroup, input.launchTemplateVersions, unreadable);
  return {
    type: 'eks-nodegroup',
    id:
      nodegroup.nodegroupArn ??
      `arn:aws:eks:${where.region}:${where.accountId}:nodegroup/${clusterName}/${name}`,
    name: `${clusterName}/${name}`,
    ...where,
    clusterName,
    ...(nodegroup.amiType ? { amiType: nodegroup.amiType } : {}),
    labels: labelsOf(nodegroup.labels),
    taints: taintsOf(nodegroup.taints),
    ...(remote
      ? {
          remoteAccess: {
            ...(remote.ec2SshKey ? { ec2SshKey: remote.ec2SshKey } : {}),
            sourceSecurityGroups: remote.sourceSecurityGroups ?? [],
          },
        }
      : {}),
    subnets: subnetsOf(nodegroup.subnets ?? [], input.subnets, unreadable),
    ...(launchTemplate ? { launchTemplate } : {}),
    ...withUnreadable(unreadable),
  };
}

function subnetsOf(
  subnetIds: string[],
  subnets: EksNodegroupInput['subnets'],
  unreadable: UnreadableProperties,
): EksNodegroup['subnets'] {
  if (isUnreadable(subnets)) unreadable.add('subnets', subnets.unreadable);
  const known = isUnreadable(subnets) ? [] : (subnets ?? []);
  const unknown: string[] = [];
  const result = subnetIds.map(function withPublicIp(subnetId) {
    const subnet = known.find((candidate) => candidate.SubnetId === subnetId);
    if (subnet?.MapPublicIpOnLaunch === undefined) {
      unknown.push(subnetId);
      return { subnetId };
    }
    return { subnetId, mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch };
  });
  if (!isUnreadable(subnets) && unknown.length > 0) {
    unreadable.add('subnets', `subnet ${unknown.join(', ')} not returned by DescribeSubnets`);
  }
  return result;
}

function launchTemplateOf(
  nodegroup: Wire<Nodegroup>,
  versions: EksNodegroupInput['launchTemplateVersions'],
  unreadable: UnreadableProperties,
): EksNodegroup['launchTemplate'] {
  const spec = nodegroup.launchTemplate;
  if (!spec) return undefined;
  const reference = {
    ...(spec.id ? { id: spec.id } : {}),
    ...(spec.name ? { name: spec.name } : {}),
    ...(spec.version ? { version: spec.version } : {}),
  };
  const label = spec.id ?? spec.name ?? 'the launch template';
  if (isUnreadable(versions) || versions === undefined) {
    const reason = isUnreadable(versions) ? versions.unreadable : `launch template ${label} not found`;
    unreadable.add('launchTemplate', reason);
    return reference;
  }
  const used = resolveLaunchTemplateVersion(versions, spec.version);
  if (!used) {
    unreadable.add('launchTemplate', `version ${spec.version ?? '$Default'} of ${label} not found`);
    return reference;
  }
  const options = used.LaunchTemplateData?.MetadataOptions ?? {};
  return {
    ...reference,
    ...(used.VersionNumber === undefined ? {} : { version: String(used.VersionNumber) }),
    metadataOptions: {
      ...(options.HttpTokens ? { httpTokens: options.HttpTokens } : {}),
      ...(options.HttpPutResponseHopLimit === undefined
        ? {}
        : { httpPutResponseHopLimit: options.HttpPutResponseHopLimit }),
      ...(options.HttpEndpoint ? { httpEndpoint: options.HttpEndpoint } : {}),
    },
  };
}
