import type { AnyCheck } from '../../check/define-check.js';
import { FRESH, IN_ECR, SCANNED, SIGNED } from '../deployed/index.js';
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
import { ecsTaskDefinitionCapabilitiesRestricted } from './ecs-task-definition-capabilities-restricted.js';
import { ecsTaskDefinitionEfsTransitEncryption } from './ecs-task-definition-efs-transit-encryption.js';
import { ecsTaskDefinitionImagesPinned } from './ecs-task-definition-images-pinned.js';
import { ecsTaskDefinitionLinuxNonRoot } from './ecs-task-definition-linux-non-root.js';
import { ecsTaskDefinitionLoggingConfigured } from './ecs-task-definition-logging-configured.js';
import { ecsTaskDefinitionLoggingNonBlocking } from './ecs-task-definition-logging-non-blocking.js';
import { ecsTaskDefinitionMemoryLimit } from './ecs-task-definition-memory-limit.js';
import { ecsTaskDefinitionNoEnvironmentSecrets } from './ecs-task-definition-no-environment-secrets.js';
import { ecsTaskDefinitionNoHostNamespaces } from './ecs-task-definition-no-host-namespaces.js';
import { ecsTaskDefinitionNoHostNetwork } from './ecs-task-definition-no-host-network.js';
import { ecsTaskDefinitionNoHostPathVolumes } from './ecs-task-definition-no-host-path-volumes.js';
import { ecsTaskDefinitionNoPrivileged } from './ecs-task-definition-no-privileged.js';
import { ecsTaskDefinitionReadOnlyRoot } from './ecs-task-definition-read-only-root.js';
import { ecsTaskDefinitionRolesLeastPrivilege } from './ecs-task-definition-roles-least-privilege.js';
import { ecsTaskDefinitionTagged } from './ecs-task-definition-tagged.js';
import { ecsTaskDefinitionWindowsNonAdmin } from './ecs-task-definition-windows-non-admin.js';

/** The ECS checks (clusters, services, task definitions), in CHECKS.md order. */
export const ECS_CHECKS: AnyCheck[] = [
  // CSA-1: isolation capabilities and configuration
  ecsServiceNoPublicIp,
  ecsServiceTaskSetsNoPublicIp,
  ecsTaskDefinitionNoPrivileged,
  ecsTaskDefinitionReadOnlyRoot,
  ecsTaskDefinitionLinuxNonRoot,
  ecsTaskDefinitionWindowsNonAdmin,
  ecsTaskDefinitionNoHostNamespaces,
  ecsTaskDefinitionNoHostNetwork,
  ecsTaskDefinitionCapabilitiesRestricted,
  ecsTaskDefinitionNoHostPathVolumes,
  ecsTaskDefinitionMemoryLimit,
  ecsTaskDefinitionEfsTransitEncryption,
  // CSA-2: one security context per host group
  ecsClusterSecurityContextsSegregated,
  // CSA-3: only approved, known, secure images
  ecsTaskDefinitionApprovedRegistry,
  ecsTaskDefinitionImagesPinned,
  SCANNED.ecs,
  SIGNED.ecs,
  FRESH.ecs,
  IN_ECR.ecs,
  // CSA-4: orchestration, management and scheduler
  ecsClusterContainerInsights,
  ecsClusterExecLogging,
  ecsClusterManagedTerminationProtection,
  ecsServiceFargateLatestPlatform,
  ecsServiceExecDisabled,
  ecsClusterTagged,
  ecsServiceTagged,
  ecsTaskDefinitionTagged,
  ecsTaskDefinitionLoggingConfigured,
  ecsTaskDefinitionLoggingNonBlocking,
  // CSA-5: RBAC and strong authentication
  ecsTaskDefinitionRolesLeastPrivilege,
  ecsTaskDefinitionNoEnvironmentSecrets,
];
