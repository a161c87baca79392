export { DEFAULT_REPORT_POLLING, type ReadContext, type ReportPolling } from './context.js';
export {
  DEFAULT_REREAD_DAYS,
  type ImageFacts,
  type ImageReadLedger,
  type IncrementalReads,
  isDue,
  slotStart,
} from './image-reads.js';
export {
  ALL_READERS,
  type CollectorReaders,
  ECR_READER,
  ECS_READER,
  EKS_READER,
  IAM_READER,
  K8S_READER,
  type ServiceReader,
} from './service-readers.js';
