import type { EksCluster } from '../../types/resource.js';

/** The control plane log types EKS can send to CloudWatch Logs. */
export const CONTROL_PLANE_LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;

/**
 * The log types some enabled `logging.clusterLogging[]` entry turns on.
 * @example
 * enabledLogTypes(cluster); // Set { 'api', 'audit' }
 */
export function enabledLogTypes(cluster: EksCluster): Set<string> {
  return new Set(cluster.logging.filter((entry) => entry.enabled).flatMap((entry) => entry.types));
}
