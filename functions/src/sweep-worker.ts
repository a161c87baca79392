import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SweepUnit } from '@customs/aws';
import { EventValidationError } from '@customs/events';
import {
  type AccountSweepMessage,
  type PipelineDependencies,
  runAccountSweepMessage,
  runSweepUnit,
} from '@customs/pipeline';
import type { SQSBatchResponse } from 'aws-lambda';
import * as z from 'zod';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';
import { BatchItemFailures } from './runtime/batch-item-failures.js';
import { requireEnv } from './runtime/environment.js';
import { lambdaDependencies } from './runtime/lambda-dependencies.js';
import { sqsEnqueuer } from './runtime/sweep-queue.js';
import type { Enqueue } from './sweep-handler.js';

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region, such as eu-west-1');
/** The member account of an organisation's sweep (absent: the deployment's own, as before). */
const accountId = z
  .string()
  .regex(/^\d{12}$/, 'an AWS account id is 12 digits')
  .optional();
const unitSchema = z.discriminatedUnion('service', [
  z.object({ service: z.enum(['ecr-registry', 'eks', 'iam', 'ecs']), region, accountId }),
  z.object({
    service: z.enum(['ecr-repositories', 'k8s-clusters']),
    region,
    start: z.number().int().nonnegative(),
    count: z.number().int().positive(),
    accountId,
  }),
  z.object({ service: z.literal('account'), region, accountId: accountId.unwrap() }),
]);

const sqsEventSchema = z.object({
  Records: z.array(z.looseObject({ messageId: z.string().min(1), body: z.string() })).min(1),
});

/** A message of the sweep queue: a unit of the deployment's account, or of an organisation's sweep. */
type QueueMessage = SweepUnit | AccountSweepMessage;

/** One SQS message: its unit, or why its body is not one. */
export type QueuedUnit = { messageId: string; unit: QueueMessage } | { messageId: string; invalid: string };

/**
 * Validates an SQS event (`Records[].messageId`, `body`; a malformed event fails the invocation)
 * and parses each body as a sweep unit; a body that is not one is kept as `invalid`, so that it
 * alone is reported failed (and ends in the queue's DLQ).
 * @example parseSweepQueueEvent(sqsEvent) // [{ messageId, unit: { service: 'eks', region: 'eu-west-1' } }]
 */
export function parseSweepQueueEvent(event: unknown): QueuedUnit[] {
  const parsed = sqsEventSchema.safeParse(event);
  if (!parsed.success) throw new EventValidationError(z.prettifyError(parsed.error));
  return parsed.data.Records.map(function parseBody({ messageId, body }) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { messageId, invalid: 'the body is not JSON' };
    }
    const parsed = unitSchema.safeParse(json);
    return parsed.success
      ? { messageId, unit: parsed.data as QueueMessage }
      : { messageId, invalid: z.prettifyError(parsed.error) };
  });
}

/**
 * Builds the split sweep's worker: runs each queued unit with `runSweepUnit`, one after the other
 * (each unit is sized for a whole invocation: give the event source a batch size of 1), and
 * reports the failed ones in `batchItemFailures` ({@link BatchItemFailures}), so SQS retries those
 * alone and keeps the others done.
 * @example export const handler = createSweepWorker(lambdaDependencies);
 */
export function createSweepWorker(
  dependencies: () => Promise<PipelineDependencies>,
  enqueuer: () => Enqueue = () => sqsEnqueuer(new SQSClient({}), requireEnv('CUSTOMS_SWEEP_QUEUE_URL')),
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: 'sweep-worker' } }),
) {
  let resolved: Promise<PipelineDependencies> | undefined;
  async function onUnits(queued: QueuedUnit[]): Promise<SQSBatchResponse> {
    resolved ??= dependencies();
    const ready = resolved;
    const failures = new BatchItemFailures();
    for (const item of queued) {
      if ('invalid' in item) {
        logger.warn('rejected', { messageId: item.messageId, reason: item.invalid });
        failures.add(item.messageId);
        continue;
      }
      const { messageId, unit } = item;
      await failures.attempt(
        messageId,
        async function sweepUnit() {
          const outcome = await runQueued(unit, await ready, enqueuer);
          const transitions: Record<string, number> = {};
          for (const change of outcome.changes)
            transitions[change.transition] = (transitions[change.transition] ?? 0) + 1;
          for (const warning of outcome.warnings) logger.warn('collector warning', { warning });
          logger.info('swept unit', { unit, resources: outcome.resources, transitions });
        },
        (error) => logger.error('unit failed', { messageId, unit, error }),
      );
    }
    return failures.response();
  }
  return withCustomsMiddleware(onUnits, { logger, parse: parseSweepQueueEvent });
}

/** Runs one message: a unit of the deployment's account, or a message of an organisation's sweep. */
async function runQueued(unit: QueueMessage, dependencies: PipelineDependencies, enqueuer: () => Enqueue) {
  if (!('accountId' in unit) || unit.accountId === undefined)
    return runSweepUnit(unit as SweepUnit, dependencies);
  return runAccountSweepMessage(unit as AccountSweepMessage, dependencies, {
    enqueue: (units) => enqueuer()(units),
  });
}

/** Lambda entry point: a worker of the split sweep, fed units by the sweep queue (SQS event source). */
export const handler = createSweepWorker(lambdaDependencies);
