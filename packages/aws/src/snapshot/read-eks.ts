import type { EksAccessEntry, EksCluster, EksNodegroup } from '@customs/core';
import { normaliseEksAccessEntry } from '../normalise/eks-access-entry.js';
import { normaliseEksCluster } from '../normalise/eks-cluster.js';
import { normaliseEksNodegroup } from '../normalise/eks-nodegroup.js';
import { unreadable } from '../normalise/unreadable.js';
import { notInSnapshot, type ReadContext } from './context.js';
import { snapshotPath } from './files.js';
import { readLaunchTemplateVersions, readSecurityGroups, readSubnets } from './read-ec2.js';
import { eks } from './schemas/index.js';

/** ListClusters' names (none when the file is missing). */
export async function listClusters(context: ReadContext): Promise<string[]> {
  const body = await context.session.read(snapshotPath('eks', 'ListClusters'), eks.listClusters);
  return body?.clusters ?? [];
}

async function describeCluster(context: ReadContext, name: string) {
  const body = await context.session.read(snapshotPath('eks', 'DescribeCluster', name), eks.describeCluster);
  return body?.cluster;
}

async function describeNodegroup(context: ReadContext, cluster: string, nodegroup: string) {
  const path = snapshotPath('eks', 'DescribeNodegroup', cluster, nodegroup);
  return (await context.session.read(path, eks.describeNodegroup))?.nodegroup;
}

/** ListNodegroups' names; undefined when the file is missing. */
export async function listNodegroups(context: ReadContext, cluster: string): Promise<string[] | undefined> {
  const body = await context.session.read(snapshotPath('eks', 'ListNodegroups', cluster), eks.listNodegroups);
  return body?.nodegroups;
}

/** A cluster with its nodegroups, Fargate profiles and security group; undefined when not found. */
export async function readCluster(context: ReadContext, name: string): Promise<EksCluster | undefined> {
  const { session } = context;
  const [cluster, nodegroupNames, profiles, securityGroups] = await Promise.all([
    describeCluster(context, name),
    listNodegroups(context, name),
    session.read(snapshotPath('eks', 'ListFargateProfiles', name), eks.listFargateProfiles),
    readSecurityGroups(context),
  ]);
  if (!cluster) return undefined;
  const [nodegroups, fargateProfiles] = await Promise.all([
    Promise.all((nodegroupNames ?? []).map((nodegroup) => describeNodegroup(context, name, nodegroup))),
    Promise.all(
      (profiles?.fargateProfileNames ?? []).map(async function describeProfile(profile) {
        const path = snapshotPath('eks', 'DescribeFargateProfile', name, profile);
        return (await session.read(path, eks.describeFargateProfile))?.fargateProfile;
      }),
    ),
  ]);
  return normaliseEksCluster({
    scope: context.scope,
    cluster,
    nodegroups: nodegroupNames
      ? nodegroups.filter((nodegroup) => nodegroup !== undefined)
      : unreadable(`not in the snapshot: ${snapshotPath('eks', 'ListNodegroups', name)}`),
    fargateProfiles: fargateProfiles.filter((profile) => profile !== undefined),
    securityGroups,
  });
}

/** A nodegroup with its launch template version and subnets; undefined when not found. */
export async function readNodegroup(
  context: ReadContext,
  cluster: string,
  name: string,
): Promise<EksNodegroup | undefined> {
  const [nodegroup, subnets] = await Promise.all([
    describeNodegroup(context, cluster, name),
    readSubnets(context),
  ]);
  if (!nodegroup) return undefined;
  const templateId = nodegroup.launchTemplate?.id;
  const launchTemplateVersions = templateId
    ? await readLaunchTemplateVersions(context, templateId)
    : nodegroup.launchTemplate
      ? unreadable('the nodegroup names its launch template without an id')
      : undefined;
  return normaliseEksNodegroup({ scope: context.scope, nodegroup, launchTemplateVersions, subnets });
}

/** ListAccessEntries' principal ARNs (none when the file is missing). */
export async function listAccessEntries(context: ReadContext, cluster: string): Promise<string[]> {
  const body = await context.session.read(
    snapshotPath('eks', 'ListAccessEntries', cluster),
    eks.listAccessEntries,
  );
  return body?.accessEntries ?? [];
}

/** An access entry of a cluster, with its associated access policies. */
export async function readAccessEntry(
  context: ReadContext,
  cluster: string,
  principalArn: string,
): Promise<EksAccessEntry> {
  const { session } = context;
  const entryPath = snapshotPath('eks', 'DescribeAccessEntry', cluster, principalArn);
  const [entry, policies] = await Promise.all([
    session.read(entryPath, eks.describeAccessEntry),
    session.read(
      snapshotPath('eks', 'ListAssociatedAccessPolicies', cluster, principalArn),
      eks.listAssociatedAccessPolicies,
    ),
  ]);
  return normaliseEksAccessEntry({
    scope: context.scope,
    clusterName: cluster,
    principalArn,
    entry: entry?.accessEntry ?? notInSnapshot(entryPath),
    associatedPolicies: policies?.associatedAccessPolicies,
  });
}
