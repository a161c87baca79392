import type { AnyCheck } from '../../check/define-check.js';
import { ecsClusterContainerInsights } from './ecs-cluster-container-insights.js';
import { ecsClusterExecLogging } from './ecs-cluster-exec-logging.js';
import { ecsClusterManagedTerminationProtection } from './ecs-cluster-managed-termination-protection.js';
import { ecsClusterSecurityContextsSegregated } from './ecs-cluster-security-contexts-segregated.js';
import { ecsClusterTagged } from './ecs-cluster-tagged.js';
import { ecsServiceExecDisabled } from './ecs-service-exec-disabled.js';
import { ecsServiceFargateLatestPlatform } from './ecs-service-fargate-latest-platform.js';
import { ecsServiceNoPublicIp } from './ecs-service-no-public-ip.js';
import { ecsServiceTagged } from './ecs-service-tagged.js';
import { ecsServiceTaskSetsNoPublicIp } from './ecs-service-task-sets-no-public-ip.js';
import { ecsTaskDefinitionApprovedRegistry } from './ecs-task-definition-approved-registry.js';
import { ecsTaskDefinitionImagesPinned } from './ecs-task-definition-images-pinned.js';
import { ecsTaskDefinitionRolesLeastPrivilege } from './ecs-task-definition-roles-least-privilege.js';
import { ecsTaskDefinitionTagged } from './ecs-task-definition-tagged.js';

/** The ECS checks (clusters, services, task definitions), in CHECKS.md order. */
export const ECS_CHECKS: AnyCheck[] = [
  // CSA-1: isolation capabilities and configuration
  ecsServiceNoPublicIp,
  ecsServiceTaskSetsNoPublicIp,
  // CSA-2: one security context per host group
  ecsClusterSecurityContextsSegregated,
  // CSA-3: only approved, known, secure images
  ecsTaskDefinitionApprovedRegistry,
  ecsTaskDefinitionImagesPinned,
  // CSA-4: orchestration, management and scheduler
  ecsClusterContainerInsights,
  ecsClusterExecLogging,
  ecsClusterManagedTerminationProtection,
  ecsServiceFargateLatestPlatform,
  ecsServiceExecDisabled,
  ecsClusterTagged,
  ecsServiceTagged,
  ecsTaskDefinitionTagged,
  // CSA-5: RBAC and strong authentication
  ecsTaskDefinitionRolesLeastPrivilege,
];
