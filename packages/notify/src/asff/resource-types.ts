import type { ResourceType } from '@customs/core';

/**
 * The ASFF resource type of each Customs resource type (Security Hub's "Resources" reference:
 * `AwsEcrRepository`, `AwsEksCluster`, …), `Other` where ASFF has none. TypeScript requires an
 * entry for every type: a new resource type decides here how Security Hub names it.
 */
export const ASFF_RESOURCE_TYPES: Record<ResourceType, string> = {
  'ecr-registry': 'Other',
  'ecr-repository': 'AwsEcrRepository',
  'ecr-image': 'AwsEcrContainerImage',
  'eks-cluster': 'AwsEksCluster',
  'eks-nodegroup': 'Other',
  'eks-access-entry': 'Other',
  'ecs-cluster': 'AwsEcsCluster',
  'ecs-service': 'AwsEcsService',
  'ecs-task-definition': 'AwsEcsTaskDefinition',
  'k8s-cluster': 'Other',
  'k8s-namespace': 'Other',
  'k8s-workload': 'Other',
  'iam-user': 'AwsIamUser',
  'iam-role': 'AwsIamRole',
  'iam-policy': 'AwsIamPolicy',
  'iam-account': 'AwsAccount',
  'aws-account': 'AwsAccount',
};
