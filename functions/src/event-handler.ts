import { Logger } from '@aws-lambda-powertools/logger';
import type { EventHandlerName } from '@customs/core';
import { type ParsedEvent, parseEvent } from '@customs/events';
import { type PipelineDependencies, processParsedEvent } from '@customs/pipeline';
import type { FindingChange } from '@customs/store';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';

/** What an event handler returns: the finding changes it stored (logged as counts by transition). */
export interface EventHandlerResult {
  eventId: string;
  refs: number;
  changes: FindingChange[];
  /** Collector warnings, e.g. a resource of another account that this deployment does not read. */
  warnings: string[];
}

/**
 * Builds an event handler: validate, re-read the resources the event names, evaluate, store.
 * The dependencies are resolved once per container and reused across invocations.
 * @example export const handler = createEventHandler('on-ecr-event', lambdaDependencies);
 */
export function createEventHandler(
  name: EventHandlerName,
  dependencies: () => Promise<PipelineDependencies>,
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: name } }),
) {
  let resolved: Promise<PipelineDependencies> | undefined;
  async function onEvent(event: ParsedEvent): Promise<EventHandlerResult> {
    resolved ??= dependencies();
    const outcome = await processParsedEvent(event, await resolved);
    const transitions: Record<string, number> = {};
    for (const change of outcome.changes)
      transitions[change.transition] = (transitions[change.transition] ?? 0) + 1;
    for (const warning of outcome.warnings) logger.warn('collector warning', { warning });
    const result = { eventId: event.envelope.id, refs: outcome.refs.length };
    logger.info('assessed', { ...result, transitions, detailType: event.envelope['detail-type'] });
    return { ...result, changes: outcome.changes, warnings: outcome.warnings };
  }
  return withCustomsMiddleware(onEvent, { logger, parse: parseEvent });
}
