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
import type { Wire } from '../normalise/wire.js';
import { PAGE } from '../registry/call-info.js';
import type { ReadContext } from './context.js';
import { readLaunchTemplateVersions, readSecurityGroups, readSubnets } from './read-ec2.js';

function known<T, U>(body: Known<T>, pick: (value: T) => U | undefined): Known<U> {
  if (body === undefined) return undefined;
  return isUnreadable(body) ? body : pick(body as T);
}

/** The region's cluster names (ListClusters, all pages), or why they are unknown. */
export async function listClusters(context: ReadContext): Promise<Known<string[]>> {
  const { session } = context;
  const body = await session.paginate({ service: 'eks', operation: 'ListClusters' }, (aws) =>
    paginateListClusters({ client: aws.eks, pageSize: PAGE.eks }, {}),
  );
  return known(body, (value) => value.clusters ?? []);
}

/** DescribeCluster `cluster`; undefined when the cluster does not exist. */
export async function describeCluster(context: ReadContext, name: string): Promise<Known<Wire<Cluster>>> {
  const { session } = context;
  const body = await session.send({ service: 'eks', operation: 'DescribeCluster', keys: [name] }, (aws) =>
    aws.eks.send(new DescribeClusterCommand({ name })),
  );
  return known(body, (value) => value.cluster);
}

/** DescribeNodegroup `nodegroup`; undefined when it does not exist. */
export async function describeNodegroup(
  context: ReadContext,
  clusterName: string,
  nodegroupName: string,
): Promise<Known<Wire<Nodegroup>>> {
  const { session } = context;
  const body = await session.send(
    { service: 'eks', operation: 'DescribeNodegroup', keys: [clusterName, nodegroupName] },
    (aws) => aws.eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName })),
  );
  return known(body, (value) => value.nodegroup);
}

/** A cluster's nodegroup names. */
export async function listNodegroups(context: ReadContext, clusterName: string): Promise<Known<string[]>> {
  const { session } = context;
  const body = await session.paginate(
    { service: 'eks', operation: 'ListNodegroups', keys: [clusterName] },
    (aws) => paginateListNodegroups({ client: aws.eks, pageSize: PAGE.eks }, { clusterName }),
  );
  return known(body, (value) => value.nodegroups ?? []);
}

async function fargateProfiles(context: ReadContext, clusterName: string) {
  const { session } = context;
  const body = await session.paginate(
    { service: 'eks', operation: 'ListFargateProfiles', keys: [clusterName] },
    (aws) => paginateListFargateProfiles({ client: aws.eks, pageSize: PAGE.eks }, { clusterName }),
  );
  if (body === undefined || isUnreadable(body)) return body;
  const profiles = await Promise.all(
    (body.fargateProfileNames ?? []).map(async function describeProfile(fargateProfileName) {
      const profile = await session.send(
        { service: 'eks', operation: 'DescribeFargateProfile', keys: [clusterName, fargateProfileName] },
        (aws) => aws.eks.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })),
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
  context: ReadContext,
  cluster: Wire<Cluster>,
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
        nodegroups.filter(
          (nodegroup): nodegroup is Wire<Nodegroup> => !!nodegroup && !isUnreadable(nodegroup),
        )),
    fargateProfiles: profiles,
    securityGroups,
  });
}

/** A nodegroup with its launch template version and subnets, from its description. */
export async function readNodegroup(context: ReadContext, nodegroup: Wire<Nodegroup>): Promise<EksNodegroup> {
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
export async function listAccessEntries(
  context: ReadContext,
  cluster: Wire<Cluster>,
): Promise<Known<string[]>> {
  if (cluster.accessConfig?.authenticationMode === 'CONFIG_MAP') return [];
  return listAccessEntriesOf(context, cluster.name ?? '');
}

/** The access entries' principal ARNs of the cluster named (ListAccessEntries, all pages). */
export async function listAccessEntriesOf(
  context: ReadContext,
  clusterName: string,
): Promise<Known<string[]>> {
  const body = await context.session.paginate(
    { service: 'eks', operation: 'ListAccessEntries', keys: [clusterName] },
    (aws) => paginateListAccessEntries({ client: aws.eks, pageSize: PAGE.eks }, { clusterName }),
  );
  return known(body, (value) => value.accessEntries ?? []);
}

/**
 * An access entry with its associated access policies; undefined when the entry does not exist.
 */
export async function readAccessEntry(
  context: ReadContext,
  clusterName: string,
  principalArn: string,
): Promise<EksAccessEntry | undefined> {
  const { session } = context;
  const keys = [clusterName, principalArn];
  const [entry, policies] = await Promise.all([
    session.send({ service: 'eks', operation: 'DescribeAccessEntry', keys }, (aws) =>
      aws.eks.send(new DescribeAccessEntryCommand({ clusterName, principalArn })),
    ),
    session.paginate({ service: 'eks', operation: 'ListAssociatedAccessPolicies', keys }, (aws) =>
      paginateListAssociatedAccessPolicies(
        { client: aws.eks, pageSize: PAGE.eks },
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
