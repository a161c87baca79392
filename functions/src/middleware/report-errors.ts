import type { Logger } from '@aws-lambda-powertools/logger';
import { type CustomsErrorKind, kindOf } from '@customs/core';
import type { MiddlewareObj } from '@middy/core';

export interface ReportErrorsOptions {
  logger: Logger;
}

/**
 * How a failed invocation is logged, by the kind of its error: the input's fault (a malformed
 * event, a bad configuration value) is a warning with the reason, the rest an error with the
 * error itself. Every one fails the invocation all the same.
 */
const LOG_OF_KIND: Readonly<Record<CustomsErrorKind, { level: 'warn' | 'error'; message: string }>> =
  Object.freeze({
    input: { level: 'warn', message: 'rejected' },
    'not-found': { level: 'warn', message: 'not found' },
    'access-denied': { level: 'error', message: 'access denied' },
    throttled: { level: 'warn', message: 'throttled' },
    internal: { level: 'error', message: 'invocation failed' },
  });

/**
 * Logs a failed invocation once, structured, by its error's kind ({@link LOG_OF_KIND}), then lets
 * it fail: Lambda retries it and finally sends it to the DLQ; nothing is swallowed.
 * @example middy(handler).use(reportErrors({ logger }))
 */
export function reportErrors(options: ReportErrorsOptions): MiddlewareObj {
  const { logger } = options;
  return {
    onError: function logFailedInvocation(request) {
      const error = request.error;
      if (!error) return;
      const kind = kindOf(error);
      const { level, message } = LOG_OF_KIND[kind];
      if (level === 'warn') logger.warn(message, { reason: error.message, errorName: error.name, kind });
      else logger.error(message, { error, kind });
      // Returning nothing leaves request.error set: middy rethrows it and the invocation fails.
    },
  };
}
