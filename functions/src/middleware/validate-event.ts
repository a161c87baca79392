import { CustomsError } from '@customs/core';
import { EventValidationError } from '@customs/events';
import type { MiddlewareObj } from '@middy/core';

export interface ValidateEventOptions<T> {
  /** Validates the raw event and returns it typed; throws an error naming the wrong field. */
  parse: (event: unknown) => T;
}

/**
 * Validates the incoming event before the handler runs, replacing it with the parsed value. A
 * malformed event fails the invocation before anything is read or written (so Lambda's retries
 * end in the DLQ, where it is kept for inspection). Whatever `parse` throws is of kind `input`:
 * an error without a kind becomes an EventValidationError with its message.
 * @example middy(handler).use(validateEvent({ parse: parseEvent }))
 */
export function validateEvent<T>(options: ValidateEventOptions<T>): MiddlewareObj {
  const { parse } = options;
  return {
    before: function parseIncomingEvent(request) {
      try {
        request.event = parse(request.event);
      } catch (error) {
        if (error instanceof CustomsError) throw error;
        throw new EventValidationError(error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
    },
  };
}
