export { DEFAULT_REPORT_POLLING, type ReadContext, type ReportPolling } from './context.js';
