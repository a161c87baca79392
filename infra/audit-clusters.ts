import { clusterOfLogGroup } from '@customs/events';

/** The deploy-time variable naming the EKS clusters whose audit logs Customs subscribes to. */
export const AUDIT_CLUSTERS_VARIABLE = 'CUSTOMS_EKS_AUDIT_CLUSTERS';

/** The subscription filter's name on each cluster's log group (the local bus names it so too). */
export const AUDIT_SUBSCRIPTION_NAME = 'customs-k8s-audit';

/**
 * The log group EKS writes a cluster's control plane logs to (its audit streams are
 * `kube-apiserver-audit-*`, beside the api, authenticator, controller manager and scheduler ones).
 * @example auditLogGroup('prod') // '/aws/eks/prod/cluster'
 */
export function auditLogGroup(cluster: string): string {
  return `/aws/eks/${cluster}/cluster`;
}

/**
 * The clusters of `CUSTOMS_EKS_AUDIT_CLUSTERS` (`prod,staging`: comma-separated EKS cluster names
 * of the deployed region; none when unset or blank), each once, in order. A name EKS could not
 * have issued stops the deployment with the reason, so a typo does not deploy without its
 * subscription silently.
 * @example auditClusters({ CUSTOMS_EKS_AUDIT_CLUSTERS: 'prod, staging' }) // ['prod', 'staging']
 */
export function auditClusters(env: Record<string, string | undefined>): string[] {
  const names = (env[AUDIT_CLUSTERS_VARIABLE] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    try {
      clusterOfLogGroup(auditLogGroup(name));
    } catch {
      throw new Error(
        `infra: ${AUDIT_CLUSTERS_VARIABLE} holds "${name.slice(0, 40)}", not an EKS cluster name (1 to 100 letters, digits, - and _)`,
      );
    }
  }
  return [...new Set(names)];
}
