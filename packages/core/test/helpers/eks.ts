import type {
  EksAccessEntry,
  EksCluster,
  EksNodegroup,
  SecurityGroupRule,
  Taint,
} from '../../src/types/resource.js';
import { eksAccessEntry, eksCluster, eksNodegroup } from './resources.js';

/**
 * EKS builders whose values come from AWS's documented CLI outputs
 * (/work/shared/aws-samples/cli/eks: describe-cluster, describe-nodegroup, describe-fargate-profile,
 * list-associated-access-policies), normalised the way the collectors do.
 */
const SAMPLE_ACCOUNT = '111122223333';
const SAMPLE_REGION = 'us-east-2';

/** `aws eks describe-cluster --name my-eks-cluster`, normalised. */
export function sampleCluster(overrides: Partial<EksCluster> = {}): EksCluster {
  return eksCluster({
    id: `arn:aws:eks:${SAMPLE_REGION}:${SAMPLE_ACCOUNT}:cluster/my-eks-cluster`,
    name: 'my-eks-cluster',
    accountId: SAMPLE_ACCOUNT,
    region: SAMPLE_REGION,
    version: '1.26',
    status: 'ACTIVE',
    endpointPublicAccess: true,
    endpointPrivateAccess: true,
    publicAccessCidrs: ['22.19.18.2/32'],
    encryptedResources: [],
    logging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true }],
    deletionProtection: undefined,
    authenticationMode: 'API_AND_CONFIG_MAP',
    bootstrapClusterCreatorAdminPermissions: undefined,
    clusterSecurityGroup: { groupId: 'sg-01c84d09d70f39a7f', ingress: [] },
    fargateProfiles: [{ name: 'my-fargate-profile', namespaces: ['prod*', '*dev*'] }],
    nodegroups: [],
    ...overrides,
  });
}

/** `aws eks describe-nodegroup --cluster-name my-eks-cluster --nodegroup-name my-eks-nodegroup`, normalised. */
export function sampleNodegroup(overrides: Partial<EksNodegroup> = {}): EksNodegroup {
  return eksNodegroup({
    id: `arn:aws:eks:${SAMPLE_REGION}:${SAMPLE_ACCOUNT}:nodegroup/my-eks-cluster/my-eks-nodegroup/a8c75f2f-df78-a72f-4063-4b69af3de5b1`,
    name: 'my-eks-cluster/my-eks-nodegroup',
    accountId: SAMPLE_ACCOUNT,
    region: SAMPLE_REGION,
    clusterName: 'my-eks-cluster',
    amiType: 'AL2_x86_64',
    labels: {},
    taints: [],
    remoteAccess: undefined,
    subnets: [
      { subnetId: 'subnet-0e2907431c9988b72', mapPublicIpOnLaunch: false },
      { subnetId: 'subnet-04ad87f71c6e5ab4d', mapPublicIpOnLaunch: false },
      { subnetId: 'subnet-09d912bb63ef21b9a', mapPublicIpOnLaunch: false },
    ],
    launchTemplate: undefined,
    ...overrides,
  });
}

/** The `role/Admin` entry of `aws eks list-associated-access-policies`, normalised. */
export function sampleAccessEntry(overrides: Partial<EksAccessEntry> = {}): EksAccessEntry {
  return eksAccessEntry({
    principalArn: `arn:aws:iam::${SAMPLE_ACCOUNT}:role/Admin`,
    associatedPolicies: [
      {
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
        accessScope: { type: 'cluster', namespaces: [] },
      },
    ],
    ...overrides,
  });
}

/** An ingress rule as DescribeSecurityGroups' `IpPermissions[]`, normalised. */
export function ingressRule(overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: [], ipv6Ranges: [], ...overrides };
}

/** A nodegroup summary as `EksCluster.nodegroups` holds it. */
export function nodegroupSummary(
  name: string,
  labels: Record<string, string> = {},
  taints: Taint[] = [],
): EksCluster['nodegroups'][number] {
  return { name, labels, taints };
}
