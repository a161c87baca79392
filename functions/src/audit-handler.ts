import { Logger } from '@aws-lambda-powertools/logger';
import { type EventHandlerName, safeText } from '@customs/core';
import { type AuditPayloadOutcome, type PipelineDependencies, processAuditPayload } from '@customs/pipeline';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';

/** What an audit-log handler returns: the payload's outcome, per audit event (logged as counts). */
export type AuditHandlerResult = AuditPayloadOutcome;

/** The rejected audit events logged one by one per invocation; the rest are counted. */
const LOGGED_REJECTIONS = 100;

/**
 * Builds the handler of a CloudWatch Logs subscription on clusters' audit logs: decode the payload,
 * map each audit event to its refs, re-read and re-assess them, store. A payload that is not one
 * fails the invocation (Lambda's retries end in the DLQ, where it is kept); a malformed audit event
 * is logged as rejected with its reason and id, and never stops the others.
 * @example export const handler = createAuditHandler('on-k8s-audit', lambdaDependencies);
 */
export function createAuditHandler(
  name: EventHandlerName,
  dependencies: () => Promise<PipelineDependencies>,
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: name } }),
) {
  let resolved: Promise<PipelineDependencies> | undefined;
  async function onAuditPayload(payload: unknown): Promise<AuditHandlerResult> {
    resolved ??= dependencies();
    const outcome = await processAuditPayload(payload, await resolved);
    const { batch, events, changes, warnings, refs } = outcome;
    if (batch.messageType === 'CONTROL_MESSAGE') {
      logger.info('ignored', { reason: batch.reason });
      return outcome;
    }
    const counts = { refs: 0, ignored: 0, rejected: 0 };
    const transitions: Record<string, number> = {};
    for (const event of events) {
      counts[event.outcome]++;
      if (event.outcome === 'rejected' && counts.rejected <= LOGGED_REJECTIONS)
        logger.warn('rejected audit event', {
          index: event.index,
          logEventId: safeText(event.id, { maxLength: 100 }),
          reason: event.reason,
        });
    }
    for (const change of changes) transitions[change.transition] = (transitions[change.transition] ?? 0) + 1;
    for (const warning of warnings) logger.warn('collector warning', { warning });
    logger.info('assessed', {
      cluster: batch.cluster,
      logEvents: events.length,
      ...counts,
      distinctRefs: refs,
      transitions,
    });
    return outcome;
  }
  return withCustomsMiddleware(onAuditPayload, { logger });
}
