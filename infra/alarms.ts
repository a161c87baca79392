import type { RemoteDeadLetterQueue } from './bus.js';
import type { CustomsFunctions } from './functions.js';
import { pascalCase } from './names.js';
import type { DeadLetterQueues } from './queues.js';

/** What the alarms watch. */
export interface AlarmsInput {
  functions: CustomsFunctions;
  queues: DeadLetterQueues;
  remoteQueues: readonly RemoteDeadLetterQueue[];
}

/** Alarm as soon as the metric is above zero in a five-minute period; no data is not a breach. */
function anyInFiveMinutes(
  actions: $util.Input<string>[],
): Pick<
  aws.cloudwatch.MetricAlarmArgs,
  | 'period'
  | 'evaluationPeriods'
  | 'threshold'
  | 'comparisonOperator'
  | 'treatMissingData'
  | 'alarmActions'
  | 'okActions'
> {
  return {
    period: 300,
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    alarmActions: actions,
    okActions: actions,
  };
}

/** Any message in a dead-letter queue: an event or batch that was not processed. */
function queueDepthAlarm(
  name: string,
  queue: sst.aws.Queue,
  actions: $util.Input<string>[],
  opts?: $util.CustomResourceOptions,
): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(
    `${name}DlqAlarm`,
    {
      alarmDescription: `Messages in the ${name} dead-letter queue`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queue.nodes.queue.name },
      statistic: 'Maximum',
      ...anyInFiveMinutes(actions),
    },
    opts,
  );
}

/** Any error of a function in five minutes. */
function functionErrorsAlarm(
  name: string,
  fn: sst.aws.Function,
  actions: $util.Input<string>[],
): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(`${name}ErrorsAlarm`, {
    alarmDescription: `Errors of the ${name} function`,
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: fn.name },
    statistic: 'Sum',
    ...anyInFiveMinutes(actions),
  });
}

/**
 * Alarms on every DLQ's depth and every function's errors, notifying an SNS topic (subscribe to it
 * after deploying). A DLQ in another region alarms there, where the topic cannot be its action.
 * @example const topic = createAlarms({ functions, queues, remoteQueues });
 */
export function createAlarms(input: AlarmsInput): sst.aws.SnsTopic {
  const topic = new sst.aws.SnsTopic('Alarms');
  const actions = [topic.arn];
  for (const [name, queue] of Object.entries(input.queues)) queueDepthAlarm(pascalCase(name), queue, actions);
  for (const [name, fn] of Object.entries(input.functions))
    functionErrorsAlarm(pascalCase(name), fn, actions);
  for (const { name, queue, provider } of input.remoteQueues) queueDepthAlarm(name, queue, [], { provider });
  return topic;
}
