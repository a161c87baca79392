import { createAuditHandler } from './audit-handler.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: the audit logs of the clusters Customs subscribes to (a CloudWatch Logs
 * subscription filter on `/aws/eks/<cluster>/cluster`, infra/audit-subscriptions.ts).
 */
export const handler = createAuditHandler('on-k8s-audit', lambdaDependencies);
