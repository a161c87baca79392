import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import { reportErrors } from './report-errors.js';
import { validateEvent } from './validate-event.js';

export interface CustomsMiddlewareOptions<T> {
  logger: Logger;
  /** Validates and types the event; omitted for handlers whose input needs no validation (cron). */
  parse?: (event: unknown) => T;
}

/**
 * The one middleware composition every Customs function uses: Powertools structured logging with
 * the Lambda context, event validation, and error reporting that never swallows a failure.
 * @example export const handler = withCustomsMiddleware(onEvent, { logger, parse: parseEvent });
 */
export function withCustomsMiddleware<T, R>(
  handler: (event: T, context: Context) => Promise<R>,
  options: CustomsMiddlewareOptions<T>,
): MiddyfiedHandler<unknown, R> {
  const wrapped = middy(handler as (event: unknown, context: Context) => Promise<R>)
    .use(injectLambdaContext(options.logger))
    .use(reportErrors({ logger: options.logger }));
  return options.parse ? wrapped.use(validateEvent({ parse: options.parse })) : wrapped;
}
