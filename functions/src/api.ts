import { Logger } from '@aws-lambda-powertools/logger';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { type ApiDependencies, createApiHandler } from '@customs/api';
import { createStoreClient, FindingsRepository, SuppressionsRepository } from '@customs/store';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { withCustomsMiddleware } from './middleware/customs-middleware.js';
import { customsConfigFromEnv, requireEnv } from './runtime/environment.js';
import { sweepInvoker } from './runtime/sweep-invoker.js';

/**
 * The API's dependencies in AWS: the findings table named by `CUSTOMS_TABLE_NAME`, the cursor key
 * `CUSTOMS_CURSOR_KEY` (a secret), `maxSuppressionDays` from `CUSTOMS_CONFIG`. Authentication is
 * API Gateway's IAM authorization; the handler trusts it and records the caller's ARN as actor.
 * `POST /sweeps` invokes the sweep function named by `CUSTOMS_SWEEP_FUNCTION_NAME` asynchronously.
 * @example const dependencies = apiDependencies(process.env);
 */
export function apiDependencies(env: NodeJS.ProcessEnv = process.env, logger?: Logger): ApiDependencies {
  const options = { client: createStoreClient(), tableName: requireEnv('CUSTOMS_TABLE_NAME', env) };
  const config = customsConfigFromEnv(env);
  return {
    findings: new FindingsRepository(options),
    suppressions: new SuppressionsRepository(options),
    cursorKey: requireEnv('CUSTOMS_CURSOR_KEY', env),
    maxSuppressionDays: config.maxSuppressionDays,
    maxSuppressionMatches: config.maxSuppressionMatches,
    startSweep: sweepInvoker(new LambdaClient({}), requireEnv('CUSTOMS_SWEEP_FUNCTION_NAME', env)),
    onError: (error) => logger?.error('request failed', error as Error),
  };
}

/**
 * Builds the API function: the HTTP API handler in the Customs middleware (structured logging with
 * the Lambda context). Dependencies are resolved on the first request and reused.
 * @example export const handler = createApiFunction(() => apiDependencies(process.env, logger), logger);
 */
export function createApiFunction(
  dependencies: () => ApiDependencies,
  logger = new Logger({ serviceName: 'customs', persistentKeys: { function: 'api' } }),
) {
  let handle: ReturnType<typeof createApiHandler> | undefined;
  async function onRequest(event: APIGatewayProxyEventV2) {
    handle ??= createApiHandler(dependencies());
    const result = await handle(event);
    logger.info('answered', {
      method: event.requestContext.http.method,
      path: event.rawPath,
      status: result.statusCode,
    });
    return result;
  }
  return withCustomsMiddleware(onRequest, { logger });
}

const logger = new Logger({ serviceName: 'customs', persistentKeys: { function: 'api' } });

/** Lambda entry point: the findings API behind API Gateway (HTTP API, payload v2, IAM authorization). */
export const handler = createApiFunction(() => apiDependencies(process.env, logger), logger);
