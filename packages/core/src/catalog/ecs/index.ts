import type { AnyCheck } from '../../check/define-check.js';
import { ecsClusterContainerInsights } from './ecs-cluster-container-insights.js';
import { ecsClusterExecLogging } from './ecs-cluster-exec-logging.js';
import { ecsServiceNoPublicIp } from './ecs-service-no-public-ip.js';
import { ecsServiceTaskSetsNoPublicIp } from './ecs-service-task-sets-no-public-ip.js';

/** The ECS checks (clusters, services, task definitions), in CHECKS.md order. */
export const ECS_CHECKS: AnyCheck[] = [
  // CSA-1: isolation capabilities and configuration
  ecsServiceNoPublicIp,
  ecsServiceTaskSetsNoPublicIp,
  // CSA-4: orchestration, management and scheduler
  ecsClusterContainerInsights,
  ecsClusterExecLogging,
];
