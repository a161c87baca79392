import {
  type Cluster,
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  type Nodegroup,
  paginateListAccessEntries,
  paginateListAssociatedAccessPolicies,
  paginateListClusters,
  paginateListFargateProfiles,
  paginateListNodegroups,
} from '@aws-sdk/client-eks';
import type { EksAccessEntry, EksCluster, EksNodegroup } from '@customs/core';
import { normaliseEksAccessEntry } from '../normalise/eks-access-entry.js';
import { normaliseEksCluster } from '../normalise/eks-cluster.js';
import { normaliseEksNodegroup } from '../normalise/eks-nodegroup.js';
import { isUnreadable, type Known, unreadable } from '../normalise/unreadable.js';
import type { LiveContext } from './context.js';
import { readLaunchTemplateVersions, readSecurityGroups, readSubnets } from './read-ec2.js';

/** The largest page of the EKS List calls. */
export const EKS_PAGE = 100;

function known<T, U>(body: Known<T>, pick: (value: T) => U | undefined): Known<U> {
  if (body === undefined) return undefined;
  return isUnreadable(body) ? body : pick(body as T);
}

/** The region's cluster names (ListClusters, all pages), or why they are unknown. */
export async function listClusters(context: LiveContext): Promise<Known<string[]>> {
  const { session } = context;
  const body = await session.paginate({ service: 'eks', operation: 'ListClusters' }, () =>
    paginateListClusters({ client: session.clients.eks, pageSize: EKS_PAGE }, {}),
  );
  return known(body, (value) => value.clusters ?? []);
}

/** DescribeCluster `cluster`; undefined when the cluster does not exist. */
export async function describeCluster(context: LiveContext, name: string): Promise<Known<Cluster>> {
  const { session } = context;
  const body = await session.send({ service: 'eks', operation: 'DescribeCluster', keys: [name] }, () =>
    session.clients.eks.send(new DescribeClusterCommand({ name })),
  );
  return known(body, (value) => value.cluster);
}

/** DescribeNodegroup `nodegroup`; undefined when it does not exist. */
export async function describeNodegroup(
  context: LiveContext,
  clusterName: string,
  nodegroupName: string,
): Promise<Known<Nodegroup>> {
  const { session } = context;
  const body = await session.send(
    { service: 'eks', operation: 'DescribeNodegroup', keys: [clusterName, nodegroupName] },
    () => session.clients.eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName })),
  );
  return known(body, (value) => value.nodegroup);
}

/** A cluster's nodegroup names. */
export async function listNodegroups(context: LiveContext, clusterName: string): Promise<Known<string[]>> {
  const { session } = context;
  const body = await session.paginate(
    { service: 'eks', operation: 'ListNodegroups', keys: [clusterName] },
    () => paginateListNodegroups({ client: session.clients.eks, pageSize: EKS_PAGE }, { clusterName }),
  );
  return known(body, (value) => value.nodegroups ?? []);
}

async function fargateProfiles(context: LiveContext, clusterName: string) {
  const { session } = context;
  const body = await session.paginate(
    { service: 'eks', operation: 'ListFargateProfiles', keys: [clusterName] },
    () => paginateListFargateProfiles({ client: session.clients.eks, pageSize: EKS_PAGE }, { clusterName }),
  );
  if (body === undefined || isUnreadable(body)) return body;
  const profiles = await Promise.all(
    (body.fargateProfileNames ?? []).map(async function describeProfile(fargateProfileName) {
      const profile = await session.send(
        { service: 'eks', operation: 'DescribeFargateProfile', keys: [clusterName, fargateProfileName] },
        () =>
          session.clients.eks.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })),
      );
      return profile;
    }),
  );
  const denied = profiles.find(isUnreadable);
  if (denied) return denied;
  return profiles.flatMap((profile) =>
    profile && !isUnreadable(profile) && profile.fargateProfile ? [profile.fargateProfile] : [],
  );
}

/**
 * A cluster with its nodegroups, Fargate profiles and cluster security group, from the cluster
 * description already read; `nodegroupNames` as {@link listNodegroups} gave them.
 */
export async function readCluster(
  context: LiveContext,
  cluster: Cluster,
  nodegroupNames: Known<string[]>,
): Promise<EksCluster> {
  const name = cluster.name ?? '';
  const [nodegroups, profiles, securityGroups] = await Promise.all([
    isUnreadable(nodegroupNames)
      ? nodegroupNames
      : Promise.all((nodegroupNames ?? []).map((nodegroup) => describeNodegroup(context, name, nodegroup))),
    fargateProfiles(context, name),
    readSecurityGroups(context),
  ]);
  const deniedNodegroup = Array.isArray(nodegroups) ? nodegroups.find(isUnreadable) : undefined;
  return normaliseEksCluster({
    scope: context.scope,
    cluster,
    nodegroups: isUnreadable(nodegroups)
      ? nodegroups
      : (deniedNodegroup ??
        nodegroups.filter((nodegroup): nodegroup is Nodegroup => !!nodegroup && !isUnreadable(nodegroup))),
    fargateProfiles: profiles,
    securityGroups,
  });
}

/** A nodegroup with its launch template version and subnets, from its description. */
export async function readNodegroup(context: LiveContext, nodegroup: Nodegroup): Promise<EksNodegroup> {
  const templateId = nodegroup.launchTemplate?.id;
  const [subnets, launchTemplateVersions] = await Promise.all([
    readSubnets(context),
    templateId
      ? readLaunchTemplateVersions(context, templateId)
      : nodegroup.launchTemplate
        ? unreadable('the nodegroup names its launch template without an id')
        : undefined,
  ]);
  return normaliseEksNodegroup({ scope: context.scope, nodegroup, launchTemplateVersions, subnets });
}

/**
 * A cluster's access entries' principal ARNs. A cluster in `CONFIG_MAP` mode has no access-entry
 * API (it answers InvalidRequestException): none, without a call.
 */
export async function listAccessEntries(context: LiveContext, cluster: Cluster): Promise<Known<string[]>> {
  if (cluster.accessConfig?.authenticationMode === 'CONFIG_MAP') return [];
  const { session } = context;
  const clusterName = cluster.name ?? '';
  const body = await session.paginate(
    { service: 'eks', operation: 'ListAccessEntries', keys: [clusterName] },
    () => paginateListAccessEntries({ client: session.clients.eks, pageSize: EKS_PAGE }, { clusterName }),
  );
  return known(body, (value) => value.accessEntries ?? []);
}

/**
 * An access entry with its associated access policies; undefined when the entry does not exist.
 */
export async function readAccessEntry(
  context: LiveContext,
  clusterName: string,
  principalArn: string,
): Promise<EksAccessEntry | undefined> {
  const { session } = context;
  const keys = [clusterName, principalArn];
  const [entry, policies] = await Promise.all([
    session.send({ service: 'eks', operation: 'DescribeAccessEntry', keys }, () =>
      session.clients.eks.send(new DescribeAccessEntryCommand({ clusterName, principalArn })),
    ),
    session.paginate({ service: 'eks', operation: 'ListAssociatedAccessPolicies', keys }, () =>
      paginateListAssociatedAccessPolicies(
        { client: session.clients.eks, pageSize: EKS_PAGE },
        { clusterName, principalArn },
      ),
    ),
  ]);
  if (entry === undefined) return undefined;
  return normaliseEksAccessEntry({
    scope: context.scope,
    clusterName,
    principalArn,
    entry: known(entry, (value) => value.accessEntry),
    associatedPolicies: known(policies, (value) => value.associatedAccessPolicies),
  });
}
