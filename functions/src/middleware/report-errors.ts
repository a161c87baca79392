import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';

export interface ReportErrorsOptions {
  logger: Logger;
  /** Error names that are the input's fault (logged as rejected, not as a fault). */
  rejections?: string[];
}

const defaults = { rejections: ['EventValidationError', 'ZodError'] };

/**
 * Logs a failed invocation once, structured, then lets it fail: Lambda retries it and finally
 * sends it to the DLQ; nothing is swallowed. Input errors are logged as `rejected` with the reason.
 * @example middy(handler).use(reportErrors({ logger }))
 */
export function reportErrors(options: ReportErrorsOptions): MiddlewareObj {
  const { logger, rejections } = { ...defaults, ...options };
  return {
    onError: function logFailedInvocation(request) {
      const error = request.error;
      if (!error) return;
      if (rejections.includes(error.name)) {
        logger.warn('rejected', { reason: error.message, errorName: error.name });
      } else {
        logger.error('invocation failed', error);
      }
      // Returning nothing leaves request.error set: middy rethrows it and the invocation fails.
    },
  };
}
