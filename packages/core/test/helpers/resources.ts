import type {
  EcrImage,
  EcrRegistry,
  EcrRepository,
  EksAccessEntry,
  EksCluster,
  EksNodegroup,
  IamAccount,
  IamPolicy,
  IamRole,
  IamUser,
} from '../../src/types/resource.js';

/** Test builders: a compliant-looking base resource of each type, overridden per test. */
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

export function ecrRegistry(overrides: Partial<EcrRegistry> = {}): EcrRegistry {
  return {
    type: 'ecr-registry',
    id: `arn:aws:ecr:${REGION}:${ACCOUNT}:registry/${ACCOUNT}`,
    name: ACCOUNT,
    accountId: ACCOUNT,
    region: REGION,
    scanType: 'ENHANCED',
    scanningRules: [
      { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
    ],
    pullThroughCacheRules: [],
    ...overrides,
  };
}

export function ecrRepository(overrides: Partial<EcrRepository> = {}): EcrRepository {
  const name = overrides.name ?? 'team/app';
  return {
    type: 'ecr-repository',
    id: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`,
    name,
    accountId: ACCOUNT,
    region: REGION,
    imageTagMutability: 'IMMUTABLE',
    scanOnPush: true,
    scanFrequency: 'SCAN_ON_PUSH',
    encryptionType: 'KMS',
    policy: null,
    lifecyclePolicy: '{"rules":[]}',
    ...overrides,
  };
}

export function ecrImage(overrides: Partial<EcrImage> = {}): EcrImage {
  const digest =
    overrides.digest ?? 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';
  const repositoryArn = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/app`;
  return {
    type: 'ecr-image',
    id: `${repositoryArn}@${digest}`,
    name: `team/app@${digest}`,
    accountId: ACCOUNT,
    region: REGION,
    repositoryName: 'team/app',
    repositoryArn,
    digest,
    tags: ['v1'],
    pushedAt: new Date('2026-11-20T10:00:00Z'),
    scan: {
      status: 'COMPLETE',
      completedAt: new Date('2026-11-20T10:02:00Z'),
      severityCounts: { MEDIUM: 1 },
    },
    signingStatus: 'COMPLETE',
    referrerArtifactTypes: [],
    ...overrides,
  };
}

export function eksCluster(overrides: Partial<EksCluster> = {}): EksCluster {
  const name = overrides.name ?? 'prod';
  return {
    type: 'eks-cluster',
    id: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`,
    name,
    accountId: ACCOUNT,
    region: REGION,
    version: '1.32',
    status: 'ACTIVE',
    endpointPublicAccess: false,
    endpointPrivateAccess: true,
    publicAccessCidrs: [],
    encryptedResources: ['secrets'],
    logging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true }],
    deletionProtection: true,
    authenticationMode: 'API',
    bootstrapClusterCreatorAdminPermissions: false,
    clusterSecurityGroup: { groupId: 'sg-01c84d09d70f39a7f', ingress: [] },
    fargateProfiles: [],
    nodegroups: [],
    ...overrides,
  };
}

export function eksNodegroup(overrides: Partial<EksNodegroup> = {}): EksNodegroup {
  const name = overrides.name ?? 'workers';
  return {
    type: 'eks-nodegroup',
    id: `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/prod/${name}/a8c75f2f-df78-a72f-4063-4b69af3de5b1`,
    name: `prod/${name}`,
    accountId: ACCOUNT,
    region: REGION,
    clusterName: 'prod',
    amiType: 'BOTTLEROCKET_x86_64',
    labels: { 'customs.io/security-context': 'web' },
    taints: [{ key: 'customs.io/security-context', value: 'web', effect: 'NO_SCHEDULE' }],
    subnets: [{ subnetId: 'subnet-0e2907431c9988b72', mapPublicIpOnLaunch: false }],
    launchTemplate: {
      id: 'lt-0123456789abcdef0',
      version: '1',
      metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
    },
    ...overrides,
  };
}

export function eksAccessEntry(overrides: Partial<EksAccessEntry> = {}): EksAccessEntry {
  const principalArn = overrides.principalArn ?? `arn:aws:iam::${ACCOUNT}:role/Admin`;
  return {
    type: 'eks-access-entry',
    id: `arn:aws:eks:${REGION}:${ACCOUNT}:access-entry/prod/role/${ACCOUNT}/Admin/6ac7a9d4-2f5e-4c5a-9c1e-1e2f3a4b5c6d`,
    name: `prod/${principalArn}`,
    accountId: ACCOUNT,
    region: REGION,
    clusterName: 'prod',
    principalArn,
    entryType: 'STANDARD',
    kubernetesGroups: [],
    associatedPolicies: [],
    ...overrides,
  };
}

export function iamUser(overrides: Partial<IamUser> = {}): IamUser {
  const name = overrides.name ?? 'alice';
  return {
    type: 'iam-user',
    id: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    name,
    accountId: ACCOUNT,
    region: 'us-east-1',
    passwordEnabled: true,
    passwordLastUsed: new Date('2026-11-25T08:00:00Z'),
    mfaActive: true,
    accessKeys: [],
    attachedPolicyArns: [],
    inlinePolicyNames: [],
    groups: ['developers'],
    ...overrides,
  };
}

export function iamRole(overrides: Partial<IamRole> = {}): IamRole {
  const name = overrides.name ?? 'ci';
  return {
    type: 'iam-role',
    id: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    name,
    accountId: ACCOUNT,
    region: 'us-east-1',
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    attachedPolicyArns: [],
    inlinePolicyNames: [],
    ...overrides,
  };
}

export function iamPolicy(overrides: Partial<IamPolicy> = {}): IamPolicy {
  const name = overrides.name ?? 'app-read';
  return {
    type: 'iam-policy',
    id: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
    name,
    accountId: ACCOUNT,
    region: 'us-east-1',
    kind: 'managed',
    awsManaged: false,
    attachmentCount: 1,
    attachedTo: [`arn:aws:iam::${ACCOUNT}:role/ci`],
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ecr:BatchGetImage'], Resource: '*' }],
    },
    ...overrides,
  };
}

export function iamAccount(overrides: Partial<IamAccount> = {}): IamAccount {
  return {
    type: 'iam-account',
    id: `arn:aws:iam::${ACCOUNT}:root`,
    name: ACCOUNT,
    accountId: ACCOUNT,
    region: 'us-east-1',
    rootAccessKeysPresent: false,
    rootMfaEnabled: true,
    ...overrides,
  };
}

/** A fixed evaluation time for tests. */
export const NOW = new Date('2026-11-28T12:00:00Z');
