import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { safeText } from '@customs/core';
import { createFindingChangeHandler } from '@customs/functions';
import {
  type FanOutDependencies,
  type FanOutReport,
  type FindingEventPublisher,
  httpSlackSender,
  type NotifyConfig,
  notifyConfigFromEnv,
  printingSender,
  type SlackSender,
  type TargetFailure,
  targetFailureLine,
} from '@customs/notify';
import { ANNOUNCED_FINDING_WRITES, OutboxRepository, SWEEP_RUN_ENDS } from '@customs/store';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { localLambdaContext } from '../runtime/lambda-context.js';
import { StreamPoller, type StreamPollerOptions } from './stream-poller.js';

/** Every write of a finding item (the poller's tests read the stream through it). */
export const FINDING_ITEM_FILTERS = [{ dynamodb: { Keys: { SK: { S: ['FINDING'] } } } }] as const;

/** A non-blocking fan-out's sender: a failed post is retried by the outbox's schedule, not by sleeping. */
const ONE_ATTEMPT = { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } } as const;

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
  /**
   * Told, one line each, when a webhook starts failing or fails differently (its cause, pending
   * deliveries, next try), when it delivers again, and when a run fails as a whole; once per
   * webhook and cause, however often the poller retries.
   */
  onStatus?: (line: string) => void;
  /**
   * Told of a poll or run that failed as a whole (the stream or the table unreachable); the poller
   * carries on. Without it, such a failure is an `onStatus` line, once per message.
   */
  onError?: (error: unknown) => void;
  /** The time hold-offs are read on, epoch ms (outbox and fan-out alike); `Date.now` by default. */
  clock?: () => number;
  /** Waits out a short hold-off; injectable for tests. */
  sleep?: FanOutDependencies['sleep'];
  /** Hold-offs up to this long are waited out within a run (20 s by default; 0 when `nonBlocking`). */
  maxHoldWaitMs?: number;
  /**
   * Never wait inside a run (a running stack, `customs start`): one attempt per message and no
   * Retry-After waited out, so a failing webhook never holds up start-up or the pipeline; what
   * fails stays pending and is retried on the outbox's schedule (the webhook's hold-off, 10 s
   * doubling to 5 min) by the poller's idle runs. Off by default: a one-shot run (`customs replay`)
   * retries within the run, as it gets no later one.
   */
  nonBlocking?: boolean;
}

/** What the local fan-out did. */
export interface LocalFanOutSummary {
  /** `posted` to a webhook or `printed`. */
  mode: 'posted' | 'printed';
  slackMessages: number;
  /** Deliveries still pending in the outbox (retried by the next poll or run). */
  pending: number;
  /** One line per webhook that failed in the last run: where, why, what waits, the next try. */
  failing: string[];
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
  const clock = options.clock ?? Date.now;
  const outbox = new OutboxRepository({
    client: options.client,
    tableName: options.tableName,
    clock: () => new Date(clock()),
  });
  const posting = httpSlackSender(options.nonBlocking ? ONE_ATTEMPT : {});
  const inner = options.slack ?? (notify.posts ? posting : printingSender(write));
  let slackMessages = 0;
  const slack: SlackSender = {
    async send(webhookUrl, message) {
      await inner.send(webhookUrl, message);
      slackMessages++;
    },
  };
  const logger = new Logger({ serviceName: 'customs', logLevel: options.logLevel ?? 'SILENT' });
  const dependencies: FanOutDependencies = {
    outbox,
    config: notify.config,
    slack,
    clock,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.maxHoldWaitMs !== undefined || options.nonBlocking
      ? { maxHoldWaitMs: options.maxHoldWaitMs ?? 0 }
      : {}),
    ...(options.events ? { events: options.events } : {}),
  };
  const status = statusReporter(clock, options.onStatus, options.onError);
  const handler = createFindingChangeHandler(async () => dependencies, logger, status.hooks);
  const invoke = (event: unknown) =>
    handler(event, localLambdaContext('on-finding-change')) as Promise<DynamoDBBatchResponse>;
  const poller = new StreamPoller({
    ...options,
    handler: invoke,
    // The deployed filter (infra/stream-filter.ts): the announced writes and sweep runs' end markers.
    filters: [ANNOUNCED_FINDING_WRITES, SWEEP_RUN_ENDS],
    onIdle: async () => void (await invoke({ Records: [] })),
    onError: status.hooks.onError,
  });
  async function summary(): Promise<LocalFanOutSummary> {
    const { items } = await outbox.listPending({ limit: 1000 });
    const mode = notify.posts ? 'posted' : 'printed';
    return { mode, slackMessages, pending: items.length, failing: status.failing() };
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

/**
 * Turns the handler's reports into status lines: a webhook's failure once per cause (the poller
 * retries every quarter second, a held-off webhook is skipped each time), its recovery once, and a
 * run that failed as a whole to `onError`, else once per message.
 */
function statusReporter(
  clock: () => number,
  say: ((line: string) => void) | undefined,
  onError: ((error: unknown) => void) | undefined,
) {
  const failingTargets = new Map<string, { cause: string; shown: string; failure: TargetFailure }>();
  let lastFailing: string[] = [];
  let lastError = '';
  const onReport = (report: FanOutReport) => {
    lastError = '';
    // A run that only skipped a held-off target tells what its last try answered, with what waits now.
    const described = report.failing.map((failure) => {
      const known = failingTargets.get(failure.target)?.failure;
      return failure.held && known
        ? { ...known, pending: failure.pending, retryAt: failure.retryAt, held: true }
        : failure;
    });
    lastFailing = described.map((failure) => targetFailureLine(failure, clock()));
    for (const [index, failure] of report.failing.entries()) {
      // Once per target and cause: a status is the cause (its answer text may vary), and a run
      // that only skipped a held-off target says nothing new about one already shown.
      const known = failingTargets.get(failure.target);
      const cause = failure.status === undefined ? failure.cause : `HTTP ${failure.status}`;
      if (known && (known.cause === cause || failure.held)) continue;
      failingTargets.set(failure.target, { cause, shown: failure.shown, failure });
      say?.(lastFailing[index] as string);
    }
    const stillFailing = new Set(report.failing.map((failure) => failure.target));
    for (const [target, { shown }] of failingTargets) {
      if (stillFailing.has(target)) continue;
      failingTargets.delete(target);
      say?.(`${target.startsWith('slack:') ? 'Slack' : 'EventBridge'} ${shown}: delivering again`);
    }
  };
  const reportError = (error: unknown) => {
    if (onError) return onError(error);
    const why = safeText(error instanceof Error ? `${error.name}: ${error.message}` : error);
    const line = `Fan-out failed (retried with the next poll): ${why}`;
    if (line === lastError) return;
    lastError = line;
    say?.(line);
  };
  return { hooks: { onReport, onError: reportError }, failing: () => lastFailing };
}
