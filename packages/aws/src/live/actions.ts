/**
 * Every AWS API operation the live collector calls, by service: the source of the published
 * read-only IAM policy (`customs iam-policy`, packages/aws/iam-policy.json). The session's
 * calls are typed by this table, so a call that is not listed here does not compile.
 */
export const READ_ACTIONS = {
  ecr: [
    'DescribeRegistry',
    'GetRegistryScanningConfiguration',
    'DescribePullThroughCacheRules',
    'DescribeRepositories',
    'BatchGetRepositoryScanningConfiguration',
    'GetRepositoryPolicy',
    'GetLifecyclePolicy',
    'DescribeImages',
    'DescribeImageSigningStatus',
    'ListImageReferrers',
  ],
  eks: [
    'ListClusters',
    'DescribeCluster',
    'ListNodegroups',
    'DescribeNodegroup',
    'ListFargateProfiles',
    'DescribeFargateProfile',
    'ListAccessEntries',
    'DescribeAccessEntry',
    'ListAssociatedAccessPolicies',
  ],
  ec2: ['DescribeLaunchTemplateVersions', 'DescribeSubnets', 'DescribeSecurityGroups'],
  iam: [
    'GetAccountAuthorizationDetails',
    'GenerateCredentialReport',
    'GetCredentialReport',
    'GetAccountSummary',
    'GetLoginProfile',
    'ListMFADevices',
    'ListAccessKeys',
  ],
} as const;

/** A service the collector reads (the snapshot's folder and the IAM action prefix). */
export type Service = keyof typeof READ_ACTIONS;

/** An operation of a service the collector may call. */
export type Operation<S extends Service = Service> = (typeof READ_ACTIONS)[S][number];

/** The services, in the order the policy lists them. */
export const SERVICES = Object.keys(READ_ACTIONS) as Service[];

/**
 * Operations authorized by an IAM action of another name: ListImageReferrers needs
 * `ecr:BatchGetImage` (Amazon ECR API reference, ListImageReferrers).
 */
export const ACTION_OF_OPERATION: Readonly<Record<string, string>> = {
  'ecr:ListImageReferrers': 'ecr:BatchGetImage',
};

/**
 * The operations the collector calls (`ecr:DescribeImages`…), sorted.
 * @example readOperations().includes('ecr:ListImageReferrers') // true
 */
export function readOperations(): string[] {
  return SERVICES.flatMap((service) =>
    READ_ACTIONS[service].map((operation) => `${service}:${operation}`),
  ).sort();
}

/**
 * The IAM actions that authorize those operations, sorted, without repeats.
 * @example readActions().includes('ecr:BatchGetImage') // true
 */
export function readActions(): string[] {
  return [
    ...new Set(readOperations().map((operation) => ACTION_OF_OPERATION[operation] ?? operation)),
  ].sort();
}

/**
 * The identity-based policy that lets `customs scan --aws` and `customs record` read an
 * account: exactly the actions the collector calls, on every resource.
 * @example JSON.stringify(iamPolicy(), null, 2)
 */
export function iamPolicy() {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CustomsReadOnly',
        Effect: 'Allow',
        Action: readActions(),
        Resource: '*',
      },
    ],
  };
}
