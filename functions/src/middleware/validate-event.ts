import type { MiddlewareObj } from '@middy/core';

export interface ValidateEventOptions<T> {
  /** Validates the raw event and returns it typed; throws an error naming the wrong field. */
  parse: (event: unknown) => T;
}

/**
 * Validates the incoming event before the handler runs, replacing it with the parsed value. A
 * malformed event fails the invocation before anything is read or written (so Lambda's retries
 * end in the DLQ, where it is kept for inspection).
 * @example middy(handler).use(validateEvent({ parse: parseEvent }))
 */
export function validateEvent<T>(options: ValidateEventOptions<T>): MiddlewareObj {
  const { parse } = options;
  return {
    before: function parseIncomingEvent(request) {
      request.event = parse(request.event);
    },
  };
}
