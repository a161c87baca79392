import type { ResourceType } from './common.js';
import type { EcrImageScan } from './ecr-image-scan.js';
import type { EcsCluster, EcsService, EcsTaskDefinition } from './ecs.js';
import type { K8sCluster, K8sNamespace, K8sWorkload } from './kubernetes.js';
import type { PolicyDocument } from './policy.js';
import type { ResourceBase } from './resource-base.js';

export interface EcrScanningRule {
  scanFrequency: string;
  repositoryFilters: { filter: string; filterType: string }[];
}

export interface EcrRegistry extends ResourceBase<'ecr-registry'> {
  /** `BASIC` or `ENHANCED`; undefined when the registry scanning configuration was not read. */
  scanType?: string;
  scanningRules: EcrScanningRule[];
  pullThroughCacheRules: { ecrRepositoryPrefix: string; upstreamRegistryUrl: string }[];
}

export interface EcrRepository extends ResourceBase<'ecr-repository'> {
  uri?: string;
  createdAt?: Date;
  /** `MUTABLE`, `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION`, `MUTABLE_WITH_EXCLUSION`. */
  imageTagMutability?: string;
  /** Legacy per-repository `imageScanningConfiguration.scanOnPush`. */
  scanOnPush?: boolean;
  /** Effective frequency from BatchGetRepositoryScanningConfiguration (`SCAN_ON_PUSH`, `CONTINUOUS_SCAN`, `MANUAL`). */
  scanFrequency?: string;
  /** `AES256`, `KMS` or `KMS_DSSE`. */
  encryptionType?: string;
  kmsKey?: string;
  /** The repository policy; null when the repository has none. */
  policy: PolicyDocument | null;
  /** The lifecycle policy text; null when the repository has none. */
  lifecyclePolicy: string | null;
}

export interface EcrImage extends ResourceBase<'ecr-image'> {
  repositoryName: string;
  repositoryArn: string;
  digest: string;
  tags: string[];
  pushedAt?: Date;
  /** The latest scan; undefined when the image was never scanned. */
  scan?: EcrImageScan;
  /** ECR managed signing status of the image (`COMPLETE`/`SIGNED`, `FAILED`, `IN_PROGRESS`), when known. */
  signingStatus?: string;
  /** `artifactType` of each OCI referrer pointing at this image (signatures, SBOMs, attestations). */
  referrerArtifactTypes: string[];
  /**
   * What Amazon Inspector's coverage says of the image (ListCoverage `resourceMetadata.ecrImage`),
   * read only when the registry's scan type is ENHANCED; absent with BASIC scanning or when
   * Inspector does not cover the image. When it could not be read (denied, Inspector not
   * enabled), `unreadable.inspector` holds why; no check reads it, so the image is still judged.
   */
  inspector?: EcrImageInspector;
}

/** Amazon Inspector's view of an ECR image's use (`EcrContainerImageMetadata`). */
export interface EcrImageInspector {
  /** ECS tasks and EKS pods running the image, in any account or cluster Inspector sees. */
  inUseCount?: number;
  /** The last time an ECS task or EKS pod used the image. */
  lastInUseAt?: Date;
  /** The last time the image was pulled. */
  imagePulledAt?: Date;
}

export interface Taint {
  key: string;
  value?: string;
  /** `NO_SCHEDULE`, `NO_EXECUTE` or `PREFER_NO_SCHEDULE`. */
  effect: string;
}

export interface SecurityGroupRule {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  ipv4Ranges: string[];
  ipv6Ranges: string[];
}

export interface EksCluster extends ResourceBase<'eks-cluster'> {
  version?: string;
  status?: string;
  endpointPublicAccess?: boolean;
  endpointPrivateAccess?: boolean;
  publicAccessCidrs: string[];
  /** Union of `encryptionConfig[].resources` (`secrets`). */
  encryptedResources: string[];
  logging: { types: string[]; enabled: boolean }[];
  deletionProtection?: boolean;
  /** `CONFIG_MAP`, `API_AND_CONFIG_MAP` or `API`; undefined when absent. */
  authenticationMode?: string;
  bootstrapClusterCreatorAdminPermissions?: boolean;
  /** The cluster security group and its ingress rules (EC2 DescribeSecurityGroups). */
  clusterSecurityGroup?: { groupId: string; ingress: SecurityGroupRule[] };
  fargateProfiles: { name: string; namespaces: string[] }[];
  /** Summaries of the cluster's managed nodegroups, for cluster-wide isolation checks. */
  nodegroups: { name: string; labels: Record<string, string>; taints: Taint[] }[];
}

export interface EksNodegroup extends ResourceBase<'eks-nodegroup'> {
  clusterName: string;
  amiType?: string;
  labels: Record<string, string>;
  taints: Taint[];
  remoteAccess?: { ec2SshKey?: string; sourceSecurityGroups: string[] };
  /** The nodegroup's subnets with EC2 `MapPublicIpOnLaunch` (undefined when unknown). */
  subnets: { subnetId: string; mapPublicIpOnLaunch?: boolean }[];
  /** The launch template, with the metadata options of the version the nodegroup uses. */
  launchTemplate?: {
    id?: string;
    name?: string;
    version?: string;
    metadataOptions?: { httpTokens?: string; httpPutResponseHopLimit?: number; httpEndpoint?: string };
  };
}

export interface EksAccessEntry extends ResourceBase<'eks-access-entry'> {
  clusterName: string;
  principalArn: string;
  /** `STANDARD`, `EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`… */
  entryType?: string;
  kubernetesGroups: string[];
  username?: string;
  associatedPolicies: { policyArn: string; accessScope: { type: string; namespaces: string[] } }[];
}

export interface IamAccessKey {
  id?: string;
  active: boolean;
  createdAt?: Date;
  lastUsedAt?: Date;
}

export interface IamUser extends ResourceBase<'iam-user'> {
  createdAt?: Date;
  /** Has a console password (login profile). */
  passwordEnabled?: boolean;
  passwordLastUsed?: Date;
  /** Has at least one MFA device. */
  mfaActive?: boolean;
  accessKeys: IamAccessKey[];
  attachedPolicyArns: string[];
  inlinePolicyNames: string[];
  groups: string[];
}

export interface IamRole extends ResourceBase<'iam-role'> {
  path?: string;
  trustPolicy?: PolicyDocument;
  attachedPolicyArns: string[];
  inlinePolicyNames: string[];
}

export interface IamPolicy extends ResourceBase<'iam-policy'> {
  /** A managed policy (own ARN) or a principal's inline policy (id `<principal ARN>/inline-policy/<name>`). */
  kind: 'managed' | 'inline';
  /** An AWS managed policy (`arn:aws:iam::aws:policy/...`). */
  awsManaged: boolean;
  /** How many users, groups and roles it is attached to (1 for an inline policy). */
  attachmentCount: number;
  /** ARNs of the principals it is attached to, where known. */
  attachedTo: string[];
  /** The default version's document. */
  document?: PolicyDocument;
}

export interface IamAccount extends ResourceBase<'iam-account'> {
  /** The root user has an active access key. */
  rootAccessKeysPresent?: boolean;
  /** The root user has MFA. */
  rootMfaEnabled?: boolean;
}

/**
 * One account × region scope of an organisation, as Customs reached it (not read from an AWS API):
 * whether the member role could be assumed and the scope read. Its `id` is
 * `arn:aws:sts:<region>:<account>:account/<account>`, its `region` the scope's. When the scope
 * could not be read, `unreadable.access` holds why (bounded, control-escaped, never credentials).
 */
export interface AwsAccount extends ResourceBase<'aws-account'> {
  /** How Customs reads the scope: the member role it assumes, or the deployment's own role (`home`). */
  access: { via: 'member-role'; roleName: string } | { via: 'home' };
}

/** Every normalised resource, discriminated by `type`. */
export type Resource =
  | EcrRegistry
  | EcrRepository
  | EcrImage
  | EksCluster
  | EksNodegroup
  | EksAccessEntry
  | EcsCluster
  | EcsService
  | EcsTaskDefinition
  | K8sCluster
  | K8sNamespace
  | K8sWorkload
  | IamUser
  | IamRole
  | IamPolicy
  | IamAccount
  | AwsAccount;

/** The resource interface of one resource type. */
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;
