import { launchTemplateVersions, securityGroups, subnets } from './ec2.js';
import { cliJson, credentialReportContent } from './fixtures.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-2';
export const TEMPLATE = 'lt-068f72b72934aff71';
export const DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';
export const ADMIN_ROLE = 'arn:aws:iam::111122223333:role/Admin';

type Json = Record<string, unknown>;

/**
 * An ECR and EKS snapshot built from AWS's published CLI outputs: a repository named
 * `team/app` (ISO `createdAt`) with the published policy, lifecycle policy, image (epoch
 * `imagePushedAt`) and scan findings; a repository `ubuntu` with no per-resource files; the
 * published cluster, nodegroup, Fargate profile and access entries, and EC2 bodies.
 */
export function ecrEksSnapshot(): Record<string, unknown> {
  const [ubuntu] = (cliJson('ecr/describe-repositories.json') as { repositories: Json[] }).repositories;
  const image = (cliJson('ecr/describe-images.json') as { imageDetails: Json[] }).imageDetails[0];
  const nodegroup = cliJson('eks/describe-nodegroup.json') as { nodegroup: Json };
  const teamApp = {
    registryId: ACCOUNT,
    repositoryName: 'team/app',
    repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/app`,
    createdAt: '2026-03-14T11:31:44.348000-04:00',
    imageTagMutability: 'IMMUTABLE',
  };
  return {
    'account.json': { accountId: ACCOUNT, region: REGION, capturedAt: '2026-11-28T12:00:00Z' },
    'ecr/GetRegistryScanningConfiguration.json': {
      registryId: ACCOUNT,
      scanningConfiguration: { scanType: 'BASIC', rules: [] },
    },
    'ecr/DescribeRepositories.json': {
      repositories: [
        teamApp,
        {
          ...ubuntu,
          registryId: ACCOUNT,
          repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/ubuntu`,
        },
      ],
    },
    'ecr/GetRepositoryPolicy/team%2Fapp.json': cliJson('ecr/get-repository-policy.json'),
    'ecr/GetLifecyclePolicy/team%2Fapp.json': cliJson('ecr/get-lifecycle-policy.json'),
    'ecr/DescribeImages/team%2Fapp.json': {
      imageDetails: [{ ...image, registryId: ACCOUNT, repositoryName: 'team/app' }],
    },
    [`ecr/DescribeImageScanFindings/team%2Fapp/${encodeURIComponent(DIGEST)}.json`]: cliJson(
      'ecr/describe-image-scan-findings.json',
    ),
    'eks/ListClusters.json': { clusters: ['my-eks-cluster', 'qa'] },
    'eks/DescribeCluster/my-eks-cluster.json': cliJson('eks/describe-cluster.json'),
    'eks/ListNodegroups/my-eks-cluster.json': { nodegroups: ['my-eks-nodegroup'] },
    'eks/DescribeNodegroup/my-eks-cluster/my-eks-nodegroup.json': {
      nodegroup: {
        ...nodegroup.nodegroup,
        launchTemplate: { name: 'Webservers', version: '$Latest', id: TEMPLATE },
      },
    },
    'eks/ListFargateProfiles/my-eks-cluster.json': cliJson('eks/list-fargate-profiles.json'),
    'eks/DescribeFargateProfile/my-eks-cluster/my-fargate-profile.json': cliJson(
      'eks/describe-fargate-profile.json',
    ),
    'eks/ListAccessEntries/my-eks-cluster.json': cliJson('eks/list-access-entries.json'),
    [`eks/ListAssociatedAccessPolicies/my-eks-cluster/${encodeURIComponent(ADMIN_ROLE)}.json`]: cliJson(
      'eks/list-associated-access-policies.json',
    ),
    'ec2/DescribeSubnets.json': subnets(),
    'ec2/DescribeSecurityGroups.json': securityGroups(),
    [`ec2/DescribeLaunchTemplateVersions/${TEMPLATE}.json`]: launchTemplateVersions(TEMPLATE),
  };
}

/**
 * An IAM-only snapshot without `account.json`: AWS's get-account-authorization-details sample
 * (with its object-instead-of-list quirk and `IsTruncated: true`), a credential report for
 * Alice and the root user, per-user files for Bob, and the published account summary.
 */
export function iamSnapshot(): Record<string, unknown> {
  return {
    'iam/GetAccountAuthorizationDetails.json': cliJson('iam/get-account-authorization-details.json'),
    'iam/GetCredentialReport.json': {
      ...(cliJson('iam/get-credential-report.json') as Json),
      Content: credentialReportContent([
        {
          user: '<root_account>',
          arn: 'arn:aws:iam::123456789012:root',
          password_enabled: 'not_supported',
          mfa_active: 'true',
        },
        {
          user: 'Alice',
          arn: 'arn:aws:iam::123456789012:user/Alice',
          password_enabled: 'true',
          password_last_used: '2015-06-10T10:00:00+00:00',
          mfa_active: 'true',
        },
      ]),
    },
    'iam/GetAccountSummary.json': cliJson('iam/get-account-summary.json'),
    'iam/GetLoginProfile/Bob.json': {
      LoginProfile: { UserName: 'Bob', CreateDate: '2013-06-04T18:17:34Z', PasswordResetRequired: false },
    },
    'iam/ListMFADevices/Bob.json': cliJson('iam/list-mfa-devices.json'),
    'iam/ListAccessKeys/Bob.json': cliJson('iam/list-access-keys.json'),
  };
}
