import { EVENT_HANDLER_NAMES } from '@customs/core';

/**
 * The dead-letter queues: one per event handler (one per service), one for the stream
 * subscriber, one for the sweep's failed scheduled invocations (`sweep`) and one for the units of
 * a split sweep that failed three times (`sweep-units`).
 */
export const DEAD_LETTER_QUEUE_NAMES = [
  ...EVENT_HANDLER_NAMES,
  'on-finding-change',
  'sweep',
  'sweep-units',
] as const;
export type DeadLetterQueueName = (typeof DEAD_LETTER_QUEUE_NAMES)[number];

/**
 * A kebab-case name as a component name.
 * @example pascalCase('on-ecr-event'); // 'OnEcrEvent'
 */
export function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
