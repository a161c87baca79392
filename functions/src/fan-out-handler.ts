import { Logger } from '@aws-lambda-powertools/logger';
import { safeText } from '@customs/core';
import { EventValidationError } from '@customs/events';
import {
  createFanOut,
  type FanOut,
  type FanOutDependencies,
  type FanOutReport,
  type FindingTransition,
  sweepRunsEndedIn,
  transitionFromStreamRecord,
  transitionKey,
} from '@customs/notify';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';
import { BatchItemFailures, itemIdentifierOf } from './runtime/batch-item-failures.js';

/**
 * Checks that the event is a DynamoDB stream batch (a `Records` array).
 * @example parseStreamEvent({ Records: [] }); // { Records: [] }
 */
export function parseStreamEvent(event: unknown): DynamoDBStreamEvent {
  const records = (event as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records))
    throw new EventValidationError('Records: a DynamoDB stream event has a Records array');
  return event as DynamoDBStreamEvent;
}

/** Told of each run (`onReport`) and of a run that failed as a whole (`onError`); local runs print them. */
export interface FindingChangeHooks {
  onReport?: (report: FanOutReport) => void;
  onError?: (error: unknown) => void;
}

/** A failure as a log line holds it: bounded, control characters escaped. */
function shown(error: unknown): string {
  return safeText(error instanceof Error ? `${error.name}: ${error.message}` : error);
}

/**
 * Builds the on-finding-change handler: derives the transitions of a stream batch, fans them out
 * through the outbox (retrying what is pending first; a sweep's Slack messages held until the end
 * marker of its run, which the batch may carry, then one digest per webhook) and reports as `batchItemFailures` the
 * records that could not be read or whose notifications are still pending, so Lambda retries
 * those and not the rest. Each failing target is logged once per invocation with its cause and
 * its next try, not once per delivery. The dependencies are resolved once per container.
 * @example export const handler = createFindingChangeHandler(async () => lambdaFanOutDependencies());
 */
export function createFindingChangeHandler(
  dependencies: () => Promise<FanOutDependencies>,
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: 'on-finding-change' } }),
  hooks: FindingChangeHooks = {},
) {
  let fanOut: Promise<FanOut> | undefined;
  async function onRecords(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    fanOut ??= dependencies().then(createFanOut, (error: unknown) => {
      fanOut = undefined;
      throw error;
    });
    const failures = new BatchItemFailures();
    const derived: { sequence: string; transition: FindingTransition }[] = [];
    for (const record of event.Records) {
      let transition: FindingTransition | undefined;
      try {
        transition = transitionFromStreamRecord(record);
      } catch (error) {
        logger.error('unreadable stream record', { eventID: safeText(record.eventID), error: shown(error) });
        failures.add(itemIdentifierOf(record));
        continue;
      }
      if (transition) derived.push({ sequence: itemIdentifierOf(record), transition });
    }
    try {
      const endedRuns = sweepRunsEndedIn(event.Records);
      const report = await (await fanOut).deliver(
        derived.map((item) => item.transition),
        { endedRuns },
      );
      for (const item of derived)
        if (report.unfinished.has(transitionKey(item.transition))) failures.add(item.sequence);
      const { delivered, alreadyDelivered, busy, held, slackMessages, events, securityHubFindings } = report;
      const summary = {
        records: event.Records.length,
        transitions: derived.length,
        delivered,
        alreadyDelivered,
      };
      logger.info('fanned out', {
        ...summary,
        busy,
        held,
        sweepsEnded: endedRuns.length,
        slackMessages,
        events,
        securityHubFindings,
        pending: report.pending.length,
      });
      for (const { target, shown: webhook, cause, pending, retryAt, held, schedule } of report.failing)
        logger.warn('delivery failing', { target, webhook, cause, pending, retryAt, held, schedule });
      hooks.onReport?.(report);
    } catch (error) {
      logger.error('fan-out failed; the batch is retried', { error: shown(error) });
      hooks.onError?.(error);
      for (const item of derived) failures.add(item.sequence);
    }
    return failures.response();
  }
  return withCustomsMiddleware(onRecords, { logger, parse: parseStreamEvent });
}
