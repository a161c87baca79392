import type { EventHandlerName } from '@customs/events';

/** Fourteen days, SQS's longest retention: time to look at a failure and redrive it. */
const RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** The dead-letter queues: one per event handler, one for the stream subscriber. */
export type DeadLetterQueues = Record<EventHandlerName | 'on-finding-change', sst.aws.Queue>;

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
 * Creates the dead-letter queues of the handlers.
 * @example const queues = createDeadLetterQueues(); queues['on-iam-event'].arn;
 */
export function createDeadLetterQueues(): DeadLetterQueues {
  return {
    'on-ecr-event': deadLetterQueue('OnEcrEventDlq'),
    'on-eks-event': deadLetterQueue('OnEksEventDlq'),
    'on-iam-event': deadLetterQueue('OnIamEventDlq'),
    'on-finding-change': deadLetterQueue('OnFindingChangeDlq'),
  };
}
