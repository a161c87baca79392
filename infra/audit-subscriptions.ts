import { AUDIT_FILTER_PATTERN } from '@customs/events';
import { AUDIT_SUBSCRIPTION_NAME, auditClusters, auditLogGroup } from './audit-clusters.js';

/** What the subscriptions deliver to, and where. */
export interface AuditSubscriptionsInput {
  /** on-k8s-audit. */
  handler: sst.aws.Function;
  region: string;
}

/**
 * For each cluster of `CUSTOMS_EKS_AUDIT_CLUSTERS` (docs/deploy.md, "Kubernetes audit logs"), a
 * CloudWatch Logs subscription filter on its log group `/aws/eks/<cluster>/cluster` that passes to
 * on-k8s-audit only the audit events of writes that change what a check reads
 * (`AUDIT_FILTER_PATTERN` of packages/events: `$.kind = "Event"` keeps the other streams' lines
 * out, as a filter cannot select streams), and the permission that lets CloudWatch Logs invoke it,
 * scoped to that log group in this account. CloudWatch Logs invokes the function asynchronously:
 * what still fails after Lambda's retries goes to its DLQ. The log group exists once the
 * cluster's audit logging is on (eks-cluster-audit-logging).
 * @example createAuditSubscriptions({ handler: fns['on-k8s-audit'], region: 'eu-west-1' });
 */
export function createAuditSubscriptions(
  input: AuditSubscriptionsInput,
): aws.cloudwatch.LogSubscriptionFilter[] {
  const { handler, region } = input;
  const partition = aws.getPartitionOutput().partition;
  const account = aws.getCallerIdentityOutput().accountId;
  return auditClusters(process.env).map((cluster) => {
    // The cluster's own name keeps the components of `my-cluster` and `my_cluster` apart.
    const name = `Audit-${cluster}-`;
    const logGroup = auditLogGroup(cluster);
    const permission = new aws.lambda.Permission(`${name}Invoke`, {
      action: 'lambda:InvokeFunction',
      function: handler.name,
      principal: 'logs.amazonaws.com',
      sourceArn: $interpolate`arn:${partition}:logs:${region}:${account}:log-group:${logGroup}:*`,
      sourceAccount: account,
    });
    return new aws.cloudwatch.LogSubscriptionFilter(
      `${name}Subscription`,
      {
        name: AUDIT_SUBSCRIPTION_NAME,
        logGroup,
        filterPattern: AUDIT_FILTER_PATTERN,
        destinationArn: handler.arn,
      },
      { dependsOn: [permission] },
    );
  });
}
