import { DEAD_LETTER_QUEUE_NAMES, type DeadLetterQueueName, pascalCase } from './names.js';
import { SWEEP_QUEUE } from './sweep-queue-args.js';

/** Fourteen days, SQS's longest retention: time to look at a failure and redrive it. */
const RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** The dead-letter queues, by name (DEAD_LETTER_QUEUE_NAMES in names.ts). */
export type DeadLetterQueues = Record<DeadLetterQueueName, sst.aws.Queue>;

/**
 * A dead-letter queue kept for 14 days.
 * @example const dlq = deadLetterQueue('OnEcrEventDlq');
 */
export function deadLetterQueue(name: string, opts?: $util.ComponentResourceOptions): sst.aws.Queue {
  return new sst.aws.Queue(
    name,
    { transform: { queue: { messageRetentionSeconds: RETENTION_SECONDS } } },
    opts,
  );
}

/**
 * Creates the dead-letter queues of the handlers and of the sweep, each named for what it serves
 * (`OnEcrEventDlq`, `SweepUnitsDlq`).
 * @example const queues = createDeadLetterQueues(); queues['on-iam-event'].arn;
 */
export function createDeadLetterQueues(): DeadLetterQueues {
  return Object.fromEntries(
    DEAD_LETTER_QUEUE_NAMES.map((name) => [name, deadLetterQueue(`${pascalCase(name)}Dlq`)]),
  ) as DeadLetterQueues;
}

/**
 * The queue of a split sweep's units (one message each, sent by the sweep, read by the
 * sweep-worker): invisible for six worker timeouts once received, to `sweep-units` after three
 * receives (see infra/sweep-queue-args.ts).
 * @example const sweepQueue = createSweepQueue(queues['sweep-units']);
 */
export function createSweepQueue(deadLetters: DeadLetterQueues['sweep-units']): sst.aws.Queue {
  return new sst.aws.Queue('SweepQueue', {
    visibilityTimeout: `${SWEEP_QUEUE.visibilityTimeoutSeconds} seconds`,
    dlq: { queue: deadLetters.arn, retry: SWEEP_QUEUE.maxReceiveCount },
  });
}
