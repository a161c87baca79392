export { type AwsAccountInput, normaliseAwsAccount } from './aws-account.js';
export { type CredentialReportRow, parseCredentialReport, ROOT_ROW } from './credential-report.js';
export { type EcrImageInput, normaliseEcrImage } from './ecr-image.js';
export { type EcrRegistryInput, normaliseEcrRegistry } from './ecr-registry.js';
export { type EcrRepositoryInput, normaliseEcrRepository } from './ecr-repository.js';
export { type EcsClusterInput, FARGATE_PROVIDERS, normaliseEcsCluster } from './ecs-cluster.js';
export {
  type EcsServiceInput,
  normaliseEcsService,
  revisionsInUse,
  servicePlacementOf,
} from './ecs-service.js';
export { type EcsTaskDefinitionInput, normaliseEcsTaskDefinition } from './ecs-task-definition.js';
export { type EksAccessEntryInput, normaliseEksAccessEntry } from './eks-access-entry.js';
export { type EksClusterInput, normaliseEksCluster } from './eks-cluster.js';
export { type EksNodegroupInput, normaliseEksNodegroup } from './eks-nodegroup.js';
export { type IamAccountInput, normaliseIamAccount } from './iam-account.js';
export {
  type AuthorizationDetails,
  type AuthorizationDetailsInput,
  type OneOrList,
  readAuthorizationDetails,
} from './iam-authorization-details.js';
export { normaliseIamPolicies, POLICY_NOT_RETURNED } from './iam-policy.js';
export { normaliseIamRole } from './iam-role.js';
export { normaliseIamUser, type PerUserCredentials, type UserCredentials } from './iam-user.js';
export { resolveLaunchTemplateVersion } from './launch-template.js';
export { isUnreadable, type Known, type Unreadable, unreadable } from './unreadable.js';
export { IAM_REGION, parseArn, type Scope, type Timestamp, toDate, type Wire } from './wire.js';
