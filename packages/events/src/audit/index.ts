export { type AuditOutcome, type AuditRef, auditEventOutcome } from './audit-event.js';
export { AUDIT_FILTER_PATTERN, MAX_FILTER_PATTERN_LENGTH, matchesAuditFilter } from './audit-filter.js';
export { type AuditBatch, type AuditEventResult, auditBatchOf, distinctRefs } from './audit-payload.js';
export { AUDITED_RESOURCES } from './audited-resources.js';
export { clusterOfLogGroup, decodeAwsLogs, isAwsLogsPayload } from './awslogs.js';
export { MAX_AWSLOGS_DATA_CHARS, MAX_DECODED_BYTES, MAX_MESSAGE_CHARS } from './bounds.js';
