import type * as eks from '@aws-sdk/client-eks';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

const CLUSTER = ['cluster'] as const;
const PRINCIPAL = ['cluster', 'principalArn'] as const;

/** The calls of Amazon EKS, by operation (see CALLS). */
export const EKS_CALLS = {
  ListClusters: call<Wire<eks.ListClustersResponse>>()({
    keys: [],
    schema: schemas.eks.listClusters,
    missing: 'absent',
    per: 'region',
    pages: { of: 'eks-cluster', size: PAGE.eks },
  }),
  DescribeCluster: call<Wire<eks.DescribeClusterResponse>>()({
    keys: CLUSTER,
    schema: schemas.eks.describeCluster,
    per: 'eks-cluster',
  }),
  ListNodegroups: call<Wire<eks.ListNodegroupsResponse>>()({
    keys: CLUSTER,
    schema: schemas.eks.listNodegroups,
    missing: 'not-recorded',
    per: 'eks-cluster',
    pages: { of: 'eks-nodegroup', size: PAGE.eks },
  }),
  DescribeNodegroup: call<Wire<eks.DescribeNodegroupResponse>>()({
    keys: ['cluster', 'nodegroup'],
    schema: schemas.eks.describeNodegroup,
    per: 'eks-nodegroup',
  }),
  ListFargateProfiles: call<Wire<eks.ListFargateProfilesResponse>>()({
    keys: CLUSTER,
    schema: schemas.eks.listFargateProfiles,
    per: 'eks-cluster',
    pages: { of: 'eks-fargate-profile', size: PAGE.eks },
  }),
  DescribeFargateProfile: call<Wire<eks.DescribeFargateProfileResponse>>()({
    keys: ['cluster', 'profile'],
    schema: schemas.eks.describeFargateProfile,
    per: 'eks-fargate-profile',
  }),
  ListAccessEntries: call<Wire<eks.ListAccessEntriesResponse>>()({
    keys: CLUSTER,
    schema: schemas.eks.listAccessEntries,
    per: 'eks-cluster',
    pages: { of: 'eks-access-entry', size: PAGE.eks },
  }),
  DescribeAccessEntry: call<Wire<eks.DescribeAccessEntryResponse>>()({
    keys: PRINCIPAL,
    schema: schemas.eks.describeAccessEntry,
    missing: 'not-recorded',
    per: 'eks-access-entry',
  }),
  ListAssociatedAccessPolicies: call<Wire<eks.ListAssociatedAccessPoliciesResponse>>()({
    keys: PRINCIPAL,
    schema: schemas.eks.listAssociatedAccessPolicies,
    per: 'eks-access-entry',
  }),
} as const;
