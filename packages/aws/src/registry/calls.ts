import type {
  DescribeSecurityGroupsResult,
  DescribeSubnetsResult,
  DescribeLaunchTemplateVersionsResult as LaunchTemplateVersionsResult,
} from '@aws-sdk/client-ec2';
import type * as ecr from '@aws-sdk/client-ecr';
import type * as eks from '@aws-sdk/client-eks';
import type * as iam from '@aws-sdk/client-iam';
import type { z } from 'zod';
import type { AuthorizationDetailsInput } from '../normalise/iam-authorization-details.js';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';

/**
 * What the sweep counts calls by: the region, the account, or the items of a resource type or of
 * a part one is read with (a Fargate profile, a launch template).
 */
export type Entity =
  | 'region'
  | 'account'
  | 'ecr-repository'
  | 'ecr-image'
  | 'eks-cluster'
  | 'eks-nodegroup'
  | 'eks-fargate-profile'
  | 'eks-access-entry'
  | 'ec2-launch-template'
  | 'iam-entity'
  | 'iam-user';

/** The largest pages and batches the readers ask for (the services' maxima). */
export const PAGE = {
  ecr: 1000,
  scanningBatch: 25,
  eks: 100,
  ec2: 1000,
  launchTemplate: 200,
  iam: 1000,
} as const;

/**
 * One API operation the readers can make (or, `stored`, that only a snapshot holds): the body it
 * gives, how a snapshot stores it, and how often the sweep makes it.
 */
export interface CallInfo<Body = unknown> {
  /**
   * The keys of its snapshot file, by what they hold (docs/snapshot.md's `<repo>`, `<digest>`…):
   * none for an account- or region-wide file.
   */
  keys: readonly string[];
  /**
   * Validates the file's body (the fields the readers and normalisers use); none for an operation
   * with no file of its own (GenerateCredentialReport, part of the credential report's read).
   */
  schema?: z.ZodType<Body>;
  /**
   * What a snapshot without the file says: `absent` (the service's not-found: none, no policy, a
   * deleted resource), or `not-recorded` (unknown: what it reads is reported as ERROR, naming the
   * file). By default a per-resource file is `absent`, an account- or region-wide one `not-recorded`.
   */
  missing?: 'absent' | 'not-recorded';
  /** How the sweep counts it: once per `per`, times its pages or batches of `of`. */
  per: Entity;
  pages?: { of: Entity; size: number };
  batches?: { of: Entity; size: number };
  /** Not made by a sweep that has the credential report (the per-user fallback). */
  fallback?: true;
  /** Only a snapshot holds it; the live readers never call it. */
  stored?: true;
  /** The IAM action that authorizes it, when it is not `<service>:<Operation>`. */
  action?: string;
  /** A phantom field that carries the body type (never set). */
  body?: Body;
}

/** Declares a call whose body is `Body`: the schema must validate into it. */
const call =
  <Body>() =>
  <const Info extends CallInfo<Body>>(info: Info): Info & { body?: Body } =>
    info;

const REPO = ['repo'] as const;
const IMAGE = ['repo', 'digest'] as const;
const CLUSTER = ['cluster'] as const;
const PRINCIPAL = ['cluster', 'principalArn'] as const;
const USER = ['user'] as const;

/**
 * Every call of the readers, by service and operation: the single table the session's call specs
 * are typed by, the snapshot session validates files with, `customs iam-policy` is made of
 * (through COLLECTOR_TYPES) and the sweep estimate counts.
 * @example CALLS.ecr.DescribeImages.keys // ['repo']
 */
export const CALLS = {
  ecr: {
    DescribeRegistry: call<Wire<ecr.DescribeRegistryResponse>>()({
      keys: [],
      schema: schemas.ecr.describeRegistry,
      missing: 'absent',
      per: 'region',
    }),
    GetRegistryScanningConfiguration: call<Wire<ecr.GetRegistryScanningConfigurationResponse>>()({
      keys: [],
      schema: schemas.ecr.getRegistryScanningConfiguration,
      per: 'region',
    }),
    DescribePullThroughCacheRules: call<Wire<ecr.DescribePullThroughCacheRulesResponse>>()({
      keys: [],
      schema: schemas.ecr.describePullThroughCacheRules,
      missing: 'absent',
      per: 'region',
    }),
    DescribeRepositories: call<Wire<ecr.DescribeRepositoriesResponse>>()({
      keys: [],
      schema: schemas.ecr.describeRepositories,
      missing: 'absent',
      per: 'region',
      pages: { of: 'ecr-repository', size: PAGE.ecr },
    }),
    BatchGetRepositoryScanningConfiguration: call<
      Wire<ecr.BatchGetRepositoryScanningConfigurationResponse>
    >()({
      keys: [],
      schema: schemas.ecr.batchGetRepositoryScanningConfiguration,
      missing: 'absent',
      per: 'region',
      batches: { of: 'ecr-repository', size: PAGE.scanningBatch },
    }),
    GetRepositoryPolicy: call<Wire<ecr.GetRepositoryPolicyResponse>>()({
      keys: REPO,
      schema: schemas.ecr.getRepositoryPolicy,
      per: 'ecr-repository',
    }),
    GetLifecyclePolicy: call<Wire<ecr.GetLifecyclePolicyResponse>>()({
      keys: REPO,
      schema: schemas.ecr.getLifecyclePolicy,
      per: 'ecr-repository',
    }),
    DescribeImages: call<Wire<ecr.DescribeImagesResponse>>()({
      keys: REPO,
      schema: schemas.ecr.describeImages,
      per: 'ecr-repository',
      pages: { of: 'ecr-image', size: PAGE.ecr },
    }),
    DescribeImageScanFindings: call<Wire<ecr.DescribeImageScanFindingsResponse>>()({
      keys: IMAGE,
      schema: schemas.ecr.describeImageScanFindings,
      per: 'ecr-image',
      stored: true,
    }),
    DescribeImageSigningStatus: call<Wire<ecr.DescribeImageSigningStatusResponse>>()({
      keys: IMAGE,
      schema: schemas.ecr.describeImageSigningStatus,
      per: 'ecr-image',
    }),
    ListImageReferrers: call<Wire<ecr.ListImageReferrersResponse>>()({
      keys: IMAGE,
      schema: schemas.ecr.listImageReferrers,
      per: 'ecr-image',
      // Amazon ECR API reference, ListImageReferrers: authorized by ecr:BatchGetImage.
      action: 'ecr:BatchGetImage',
    }),
  },
  eks: {
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
  },
  ec2: {
    DescribeLaunchTemplateVersions: call<Wire<LaunchTemplateVersionsResult>>()({
      keys: ['launchTemplateId'],
      schema: schemas.ec2.describeLaunchTemplateVersions,
      per: 'ec2-launch-template',
    }),
    DescribeSubnets: call<Wire<DescribeSubnetsResult>>()({
      keys: [],
      schema: schemas.ec2.describeSubnets,
      per: 'region',
    }),
    DescribeSecurityGroups: call<Wire<DescribeSecurityGroupsResult>>()({
      keys: [],
      schema: schemas.ec2.describeSecurityGroups,
      per: 'region',
    }),
  },
  iam: {
    GetAccountAuthorizationDetails: call<AuthorizationDetailsInput>()({
      keys: [],
      schema: schemas.iam.getAccountAuthorizationDetails,
      missing: 'absent',
      per: 'account',
      pages: { of: 'iam-entity', size: PAGE.iam },
    }),
    GenerateCredentialReport: call<Wire<iam.GenerateCredentialReportResponse>>()({
      keys: [],
      per: 'account',
    }),
    GetCredentialReport: call<Wire<iam.GetCredentialReportResponse>>()({
      keys: [],
      schema: schemas.iam.getCredentialReport,
      per: 'account',
    }),
    GetAccountSummary: call<Wire<iam.GetAccountSummaryResponse>>()({
      keys: [],
      schema: schemas.iam.getAccountSummary,
      per: 'account',
    }),
    GetLoginProfile: call<Wire<iam.GetLoginProfileResponse>>()({
      keys: USER,
      schema: schemas.iam.getLoginProfile,
      per: 'iam-user',
      fallback: true,
    }),
    ListMFADevices: call<Wire<iam.ListMFADevicesResponse>>()({
      keys: USER,
      schema: schemas.iam.listMfaDevices,
      missing: 'not-recorded',
      per: 'iam-user',
      fallback: true,
    }),
    ListAccessKeys: call<Wire<iam.ListAccessKeysResponse>>()({
      keys: USER,
      schema: schemas.iam.listAccessKeys,
      missing: 'not-recorded',
      per: 'iam-user',
      fallback: true,
    }),
  },
} as const;

/** A service the readers call (the snapshot's folder and the IAM action prefix). */
export type ApiService = keyof typeof CALLS;

/** The services, in the order of CALLS. */
export const API_SERVICES = Object.keys(CALLS) as ApiService[];

/** Every operation of a service, stored-only ones included. */
export type AnyOperation<S extends ApiService = ApiService> = S extends ApiService
  ? keyof (typeof CALLS)[S] & string
  : never;

/** `ecr:DescribeImages`: a call by its service and operation. */
export type CallName = { [S in ApiService]: `${S}:${AnyOperation<S>}` }[ApiService];

/**
 * The descriptor of a call.
 * @example callInfo('ecr', 'ListImageReferrers').action // 'ecr:BatchGetImage'
 */
export function callInfo(service: ApiService, operation: string): CallInfo | undefined {
  return (CALLS[service] as Record<string, CallInfo>)[operation];
}

/**
 * What a snapshot without the call's file says (its own `missing`, else by its keys).
 * @example missingMeans('ec2', 'DescribeSubnets') // 'not-recorded'
 */
export function missingMeans(service: ApiService, operation: string): 'absent' | 'not-recorded' {
  const info = callInfo(service, operation);
  return info?.missing ?? ((info?.keys.length ?? 0) > 0 ? 'absent' : 'not-recorded');
}

/** Every call, as `service:Operation` with its descriptor, in the order of CALLS. */
export function everyCall(): { name: CallName; service: ApiService; operation: string; info: CallInfo }[] {
  return API_SERVICES.flatMap((service) =>
    Object.entries(CALLS[service] as Record<string, CallInfo>).map(([operation, info]) => ({
      name: `${service}:${operation}` as CallName,
      service,
      operation,
      info,
    })),
  );
}
