import type { EventHandlerName } from '@customs/events';
import { SWEEP_QUEUE } from './sweep-queue-args.js';

/** Fourteen days, SQS's longest retention: time to look at a failure and redrive it. */
const RETENTION_SECONDS = 14 * 24 * 60 * 60;

/**
 * The dead-letter queues: one per event handler, one for the stream subscriber, one for the
 * sweep's failed scheduled invocations (`sweep`) and one for the units of a split sweep that
 * failed three times (`sweep-units`).
 */
export type DeadLetterQueues = Record<
  EventHandlerName | 'on-finding-change' | 'sweep' | 'sweep-units',
  sst.aws.Queue
>;

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
 * Creates the dead-letter queues of the handlers and of the sweep.
 * @example const queues = createDeadLetterQueues(); queues['on-iam-event'].arn;
 */
export function createDeadLetterQueues(): DeadLetterQueues {
  return {
    'on-ecr-event': deadLetterQueue('OnEcrEventDlq'),
    'on-eks-event': deadLetterQueue('OnEksEventDlq'),
    'on-iam-event': deadLetterQueue('OnIamEventDlq'),
    'on-finding-change': deadLetterQueue('OnFindingChangeDlq'),
    sweep: deadLetterQueue('SweepDlq'),
    'sweep-units': deadLetterQueue('SweepUnitsDlq'),
  };
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
