import type { ResourceRef } from '@customs/core';
import { eventToResourceRefs, type ParsedEvent, parseEvent } from '@customs/events';
import { type Assessment, assessRefs } from './assess-refs.js';
import type { PipelineDependencies } from './dependencies.js';

/** What one event did: the resources it named and the finding changes that followed. */
export interface EventOutcome extends Assessment {
  event: ParsedEvent;
  refs: ResourceRef[];
}

/**
 * Re-assesses the resources a validated event names.
 * @example const { changes } = await processParsedEvent(parseEvent(raw), dependencies);
 */
export async function processParsedEvent(
  event: ParsedEvent,
  dependencies: PipelineDependencies,
): Promise<EventOutcome> {
  const refs = eventToResourceRefs(event);
  const assessment = await assessRefs(refs, dependencies);
  return { event, refs, ...assessment };
}

/**
 * Validates an EventBridge event (throwing `EventValidationError` that names the wrong field,
 * before anything is read or written), maps it to resource refs and re-assesses them.
 * @example const { changes } = await processEvent(lambdaEvent, dependencies);
 */
export function processEvent(raw: unknown, dependencies: PipelineDependencies): Promise<EventOutcome> {
  return processParsedEvent(parseEvent(raw), dependencies);
}
