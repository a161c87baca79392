import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createFindingChangeHandler } from '@customs/functions';
import {
  type FindingEventPublisher,
  httpSlackSender,
  type NotifyConfig,
  notifyConfigFromEnv,
  printingSender,
  type SlackSender,
} from '@customs/notify';
import { OutboxRepository } from '@customs/store';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { localLambdaContext } from '../runtime/lambda-context.js';
import { StreamPoller, type StreamPollerOptions } from './stream-poller.js';

/** Locally, the handler sees finding items only (the deployed filter narrows further, to transitions). */
export const FINDING_ITEM_FILTERS = [{ dynamodb: { Keys: { SK: { S: ['FINDING'] } } } }] as const;

/** The default webhook of the printing mode: it only names where the messages would go. */
const PRINTED = 'printed';

/**
 * The notify configuration of a local run, read from the environment and checked before anything
 * starts: with `SLACK_WEBHOOK_URL` (or routes) the messages are posted, otherwise printed.
 * @example const notify = localNotifyConfig(process.env); // throws WebhookUrlError on a bad URL
 */
export function localNotifyConfig(env: NodeJS.ProcessEnv = process.env): {
  config: NotifyConfig;
  posts: boolean;
} {
  const config = notifyConfigFromEnv({ ...env, CUSTOMS_BUS_NAME: undefined });
  const posts = config.slack.webhookUrl !== undefined || config.slack.routes.length > 0;
  return { config: posts ? config : { ...config, slack: { ...config.slack, webhookUrl: PRINTED } }, posts };
}

export interface LocalFanOutOptions
  extends Pick<StreamPollerOptions, 'batchSize' | 'pollIntervalMs' | 'maxRetries' | 'startAt'> {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  /** From `localNotifyConfig`; read from `process.env` when absent. */
  notify?: { config: NotifyConfig; posts: boolean };
  /** Where printed messages go; stderr by default. */
  write?: (text: string) => void;
  /** Replaces the Slack sender (posting or printing). */
  slack?: SlackSender;
  /** Puts events on EventBridge; none locally by default. */
  events?: FindingEventPublisher;
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

/** What the local fan-out did. */
export interface LocalFanOutSummary {
  /** `posted` to a webhook or `printed`. */
  mode: 'posted' | 'printed';
  slackMessages: number;
  /** Deliveries still pending in the outbox (retried by the next poll or run). */
  pending: number;
}

/** The fan-out running on this machine: the stream poller and the same handler as the Lambda function. */
export interface LocalFanOut {
  poller: StreamPoller;
  outbox: OutboxRepository;
  /** Reads the stream until it has no more records, then says what was sent or printed. */
  drain(): Promise<LocalFanOutSummary>;
  /** Sends what the outbox holds pending (as the next invocation would), then says where things stand. */
  retryPending(): Promise<LocalFanOutSummary>;
  /** Polls in the background, retrying pending deliveries when the stream is quiet. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * Starts the fan-out locally: the on-finding-change handler (the same factory as the Lambda
 * function, with a local outbox and Slack sender) fed by a stream poller on DynamoDB Local.
 * @example
 * const fanOut = startLocalFanOut({ client: pipeline.client, endpoint: pipeline.endpoint, tableName: pipeline.tableName });
 * const { slackMessages } = await fanOut.drain();
 */
export function startLocalFanOut(options: LocalFanOutOptions): LocalFanOut {
  const notify = options.notify ?? localNotifyConfig();
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const outbox = new OutboxRepository({ client: options.client, tableName: options.tableName });
  const inner = options.slack ?? (notify.posts ? httpSlackSender() : printingSender(write));
  let slackMessages = 0;
  const slack: SlackSender = {
    async send(webhookUrl, message) {
      await inner.send(webhookUrl, message);
      slackMessages++;
    },
  };
  const logger = new Logger({ serviceName: 'customs', logLevel: options.logLevel ?? 'SILENT' });
  const dependencies = {
    outbox,
    config: notify.config,
    slack,
    ...(options.events ? { events: options.events } : {}),
  };
  const handler = createFindingChangeHandler(async () => dependencies, logger);
  const invoke = (event: unknown) =>
    handler(event, localLambdaContext('on-finding-change')) as Promise<DynamoDBBatchResponse>;
  const poller = new StreamPoller({
    ...options,
    handler: invoke,
    filters: FINDING_ITEM_FILTERS,
    onIdle: async () => void (await invoke({ Records: [] })),
  });
  async function summary(): Promise<LocalFanOutSummary> {
    const { items } = await outbox.listPending({ limit: 1000 });
    return { mode: notify.posts ? 'posted' : 'printed', slackMessages, pending: items.length };
  }
  return {
    poller,
    outbox,
    async drain() {
      await poller.drain();
      return summary();
    },
    async retryPending() {
      await invoke({ Records: [] });
      return summary();
    },
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
}
