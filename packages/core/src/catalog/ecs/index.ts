import type { AnyCheck } from '../../check/define-check.js';
import { ecsTaskDefinitionCapabilitiesRestricted } from './ecs-task-definition-capabilities-restricted.js';
import { ecsTaskDefinitionEfsTransitEncryption } from './ecs-task-definition-efs-transit-encryption.js';
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
import { ecsTaskDefinitionWindowsNonAdmin } from './ecs-task-definition-windows-non-admin.js';

/** The ECS checks (task definitions, services, clusters), in CHECKS.md order. */
export const ECS_CHECKS: AnyCheck[] = [
  // CSA-1: isolation capabilities and configuration
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
  // CSA-4: orchestration, management and scheduler
  ecsTaskDefinitionLoggingConfigured,
  ecsTaskDefinitionLoggingNonBlocking,
  // CSA-5: RBAC and strong authentication
  ecsTaskDefinitionNoEnvironmentSecrets,
];
