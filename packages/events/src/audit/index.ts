export { AUDIT_FILTER_PATTERN } from './audit-filter.js';
export { type AuditBatch, type AuditEventResult, auditBatchOf, distinctRefs } from './audit-payload.js';
export { clusterOfLogGroup, isAwsLogsPayload } from './awslogs.js';
