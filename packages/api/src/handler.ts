import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import type { ApiDependencies, FailedRequest } from './dependencies.js';
import { ApiError, toApiError } from './http/api-error.js';
import { actorOf, parseBody, parseQuery } from './http/parse-input.js';
import { errorResponse, jsonResponse } from './http/responses.js';
import { matchRoute } from './router/match-route.js';
import type { Route } from './router/route.js';
import { ROUTES } from './routes/index.js';

/** An API Gateway HTTP API (payload v2) handler. */
export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const NO_PARAMETERS = z.object({}).strict();

/**
 * The findings API as one handler: route, validate (zod), call the store, answer JSON. Every error
 * is `{ "error": { "code", "message" } }`; an unexpected one is reported to `onError` (once, with
 * the request's method and path) and answered 500 without details. Authentication is not its concern (IAM in AWS, `requireBearerToken` locally).
 * @example
 * const handler = createApiHandler({ findings, suppressions, cursorKey, startSweep, maxSuppressionDays: 90 });
 * const result = await handler(event); // { statusCode: 200, body: '{"findings":[...]}' }
 */
export function createApiHandler(
  dependencies: ApiDependencies,
  routes: readonly Route[] = ROUTES,
): ApiHandler {
  return async function handleApiRequest(event) {
    try {
      const method = event.requestContext.http.method.toUpperCase();
      const { route, params } = matchRoute(routes, method, event.rawPath);
      const query = parseQuery(route.query ?? NO_PARAMETERS, event);
      const body = route.body ? parseBody(route.body, event) : undefined;
      const response = await route.handle(
        { query, body, params, actor: actorOf(event), event },
        dependencies,
      );
      return jsonResponse(response.status, response.body, response.headers);
    } catch (error) {
      const request = { method: event.requestContext.http.method, path: event.rawPath };
      return errorResponse(asApiError(error, request, dependencies.onError));
    }
  };
}

/** An error as its kind's answer (`toApiError`), else a reported 500. */
function asApiError(error: unknown, request: FailedRequest, onError: ApiDependencies['onError']): ApiError {
  const answer = toApiError(error);
  if (answer) return answer;
  onError?.(error, request);
  return new ApiError(500, 'internal_error', 'An unexpected error occurred; it was logged');
}
