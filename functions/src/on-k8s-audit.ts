import { ECR_READER, K8S_READER } from '@customs/aws';
import { createAuditHandler } from './audit-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: the audit logs of the clusters Customs subscribes to (a CloudWatch Logs
 * subscription filter on `/aws/eks/<cluster>/cluster`, infra/audit-subscriptions.ts); reads
 * Kubernetes, and the ECR images whose digests started or stopped running (their `inUse`).
 */
const readers = { services: { k8s: K8S_READER, ecr: ECR_READER } };

export const handler = createAuditHandler('on-k8s-audit', reading(readers));
