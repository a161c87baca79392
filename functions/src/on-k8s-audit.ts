import { K8S_READER } from '@customs/aws';
import { createAuditHandler } from './audit-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: the audit logs of the clusters Customs subscribes to (a CloudWatch Logs
 * subscription filter on `/aws/eks/<cluster>/cluster`, infra/audit-subscriptions.ts); reads
 * Kubernetes only.
 */
export const handler = createAuditHandler('on-k8s-audit', reading({ services: { k8s: K8S_READER } }));
