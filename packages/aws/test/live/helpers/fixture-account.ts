import { snapshotPath } from '../../../src/index.js';
import { launchTemplateVersions, securityGroups, subnets } from '../../helpers/ec2.js';
import { cliJson, credentialReportContent } from '../../helpers/fixtures.js';
import { listOf, nginxDeployment, nginxReplicaSet, podOf } from '../../helpers/k8s-objects.js';
import { addEcs } from './ecs-fixture.js';
import type { SnapshotFiles } from './snapshot-files.js';

/** The account the fixtures' EKS samples live in. */
export const ACCOUNT = '111122223333';
/** The region of the describe-cluster and describe-nodegroup samples. */
export const REGION = 'us-east-2';
/** A repository name with a slash (the get-lifecycle-policy sample's). */
export const SLASHED = 'project-a/amazon-ecs-sample';
const CLUSTER = 'my-eks-cluster';
const TEMPLATE = 'lt-0a1b2c3d4e5f60718';

type Body = Record<string, unknown>;

/**
 * A small account built from AWS's published CLI outputs (test/fixtures/cli): the
 * describe-repositories sample plus the repositories the policy, lifecycle and images samples
 * name (one with a slash), the describe-cluster and describe-nodegroup samples with the EC2
 * samples, the list-access-entries sample, the IAM samples, and ECS (ecs-fixture.ts).
 */
export function fixtureAccount(): SnapshotFiles {
  const files: SnapshotFiles = new Map();
  const set = (service: string, operation: string, keys: string[], body: unknown) =>
    files.set(snapshotPath(service, operation, ...keys), body);
  const listed = cliJson('ecr/describe-repositories.json') as { repositories: Body[] };
  const extra = [SLASHED, 'sample-repo', 'cluster-autoscaler'].map((repositoryName) => ({
    registryId: ACCOUNT,
    repositoryName,
    repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${repositoryName}`,
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: { encryptionType: 'AES256' },
  }));
  addKubernetes(set);
  set('ecr', 'DescribeRegistry', [], { registryId: ACCOUNT, replicationConfiguration: { rules: [] } });
  set('ecr', 'GetRegistryScanningConfiguration', [], {
    registryId: ACCOUNT,
    scanningConfiguration: {
      scanType: 'BASIC',
      rules: [
        { scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
      ],
    },
  });
  set('ecr', 'DescribeRepositories', [], { repositories: [...listed.repositories, ...extra] });
  set('ecr', 'GetLifecyclePolicy', [SLASHED], cliJson('ecr/get-lifecycle-policy.json'));
  set('ecr', 'GetRepositoryPolicy', ['sample-repo'], cliJson('ecr/get-repository-policy.json'));
  set('ecr', 'DescribeImages', ['cluster-autoscaler'], cliJson('ecr/describe-images.json'));
  set('ecr', 'DescribeImages', [SLASHED], { imageDetails: [] });
  const describeCluster = cliJson('eks/describe-cluster.json') as { cluster: Body };
  const cluster = {
    cluster: {
      ...describeCluster.cluster,
      accessConfig: {
        authenticationMode: 'API_AND_CONFIG_MAP',
        bootstrapClusterCreatorAdminPermissions: true,
      },
    },
  };
  const nodegroup = cliJson('eks/describe-nodegroup.json') as { nodegroup: Body };
  set('eks', 'ListClusters', [], { clusters: [CLUSTER] });
  set('eks', 'DescribeCluster', [CLUSTER], cluster);
  set('eks', 'ListNodegroups', [CLUSTER], { nodegroups: ['my-eks-nodegroup'] });
  set('eks', 'DescribeNodegroup', [CLUSTER, 'my-eks-nodegroup'], {
    nodegroup: { ...nodegroup.nodegroup, launchTemplate: { id: TEMPLATE, name: 'Webservers', version: '3' } },
  });
  set('eks', 'ListFargateProfiles', [CLUSTER], cliJson('eks/list-fargate-profiles.json'));
  set(
    'eks',
    'DescribeFargateProfile',
    [CLUSTER, 'my-fargate-profile'],
    cliJson('eks/describe-fargate-profile.json'),
  );
  const entries = cliJson('eks/list-access-entries.json') as { accessEntries: string[] };
  set('eks', 'ListAccessEntries', [CLUSTER], entries);
  for (const principalArn of entries.accessEntries) {
    set('eks', 'DescribeAccessEntry', [CLUSTER, principalArn], {
      accessEntry: {
        clusterName: CLUSTER,
        principalArn,
        kubernetesGroups: [],
        accessEntryArn: `arn:aws:eks:${REGION}:${ACCOUNT}:access-entry/${CLUSTER}/role/${ACCOUNT}/${principalArn.split('/').pop()}/a1b2c3d4`,
        createdAt: '2024-04-29T17:21:59.617000-04:00',
        modifiedAt: '2024-04-29T17:21:59.617000-04:00',
        tags: {},
        username: principalArn,
        type: 'STANDARD',
      },
    });
  }
  set(
    'eks',
    'ListAssociatedAccessPolicies',
    [CLUSTER, entries.accessEntries[0] ?? ''],
    cliJson('eks/list-associated-access-policies.json'),
  );
  set('ec2', 'DescribeSubnets', [], subnets());
  set('ec2', 'DescribeSecurityGroups', [], securityGroups());
  set('ec2', 'DescribeLaunchTemplateVersions', [TEMPLATE], launchTemplateVersions(TEMPLATE));
  set(
    'iam',
    'GetAccountAuthorizationDetails',
    [],
    asSdkLists(cliJson('iam/get-account-authorization-details.json') as Body),
  );
  set('iam', 'GetAccountSummary', [], cliJson('iam/get-account-summary.json'));
  set('iam', 'GetCredentialReport', [], {
    ...(cliJson('iam/get-credential-report.json') as Body),
    Content: credentialReportContent([
      {
        user: '<root_account>',
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        mfa_active: 'true',
        password_enabled: 'not_supported',
      },
      {
        user: 'Alice',
        arn: `arn:aws:iam::${ACCOUNT}:user/Alice`,
        password_enabled: 'true',
        mfa_active: 'false',
        password_last_used: '2015-06-10T17:05:52+00:00',
      },
      {
        user: 'Bob',
        arn: `arn:aws:iam::${ACCOUNT}:user/Bob`,
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2014-08-14T22:45:14+00:00',
      },
      { user: 'Charlie', arn: `arn:aws:iam::${ACCOUNT}:user/Charlie` },
    ]),
  });
  addEcs(files);
  return files;
}

/**
 * AWS's get-account-authorization-details sample prints two groups' `AttachedManagedPolicies`
 * as single objects; the SDK always returns lists.
 */
function asSdkLists(details: Body): Body {
  const groups = (details.GroupDetailList ?? []) as Body[];
  return {
    ...details,
    GroupDetailList: groups.map((group) => {
      const attached = group.AttachedManagedPolicies;
      return attached === undefined || Array.isArray(attached)
        ? group
        : { ...group, AttachedManagedPolicies: [attached] };
    }),
  };
}

/**
 * The Kubernetes API of the cluster (what `kubectl get … -o json` prints): the documentation's
 * nginx Deployment with two running pods, the `default` namespace and ServiceAccount, and the
 * `cluster-admin` ClusterRoleBinding every cluster has.
 */
function addKubernetes(set: (service: string, operation: string, keys: string[], body: unknown) => void) {
  const list = (operation: string, items: unknown[]) => set('k8s', operation, [CLUSTER], listOf(items));
  set('k8s', 'GetVersion', [CLUSTER], { major: '1', minor: '31', gitVersion: 'v1.31.4-eks-2d5f260' });
  list('ListNamespaces', [{ metadata: { name: 'default' }, status: { phase: 'Active' } }]);
  list('ListDeployments', [nginxDeployment()]);
  list('ListReplicaSets', [nginxReplicaSet()]);
  list('ListPods', [
    podOf({ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5' }, 'nginx-deployment-66b6c48dd5-a'),
    podOf({ kind: 'ReplicaSet', name: 'nginx-deployment-66b6c48dd5' }, 'nginx-deployment-66b6c48dd5-b'),
  ]);
  list('ListServiceAccounts', [{ metadata: { name: 'default', namespace: 'default' } }]);
  list('ListClusterRoleBindings', [
    {
      metadata: { name: 'cluster-admin' },
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'system:masters' }],
    },
  ]);
  for (const operation of [
    'ListStatefulSets',
    'ListDaemonSets',
    'ListJobs',
    'ListCronJobs',
    'ListRoleBindings',
    'ListClusterRoles',
    'ListRoles',
  ])
    list(operation, []);
}
