/**
 * The split sweep's queue and worker (packages/pipeline, `planOrRunSweep`, `runSweepUnit`), as
 * plain data for infra/queues.ts and infra/functions.ts and for test/infra.
 *
 * A unit is sized by the planner for a whole Lambda invocation (`LAMBDA_BUDGET`: 15 minutes at
 * the full per-region API rate), so the worker gets the longest timeout, takes one message at a
 * time, and runs alone: parallel workers would share one region's throttle.
 */
export const SWEEP_WORKER = {
  timeoutSeconds: 15 * 60,
  memory: '1024 MB',
  reservedConcurrency: 1,
} as const;

/**
 * The queue: a message stays invisible six times the worker's timeout once received, as AWS
 * advises for a Lambda event source (services-sqs-configure.html), so that a slow or throttled
 * poll does not hand a unit still running to another attempt; after three receives it goes to
 * the DLQ.
 */
export const SWEEP_QUEUE = {
  visibilityTimeoutSeconds: 6 * SWEEP_WORKER.timeoutSeconds,
  maxReceiveCount: 3,
} as const;

/**
 * The event source mapping: one unit per invocation, and the worker's `batchItemFailures`
 * honoured (`ReportBatchItemFailures`: a unit that fails is retried alone).
 */
export const SWEEP_SUBSCRIPTION = { batchSize: 1, partialResponses: true } as const;
