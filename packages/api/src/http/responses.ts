import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiError } from './api-error.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/**
 * A JSON response in the API Gateway HTTP API (payload v2) result shape.
 * @example jsonResponse(200, { findings: [] });
 */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * `{ "error": { "code", "message" } }` with the error's status and headers; never a stack.
 * @example errorResponse(new ApiError(404, 'not_found', 'No route GET /nothing'));
 */
export function errorResponse(error: ApiError): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(error.status, { error: { code: error.code, message: error.message } }, error.headers);
}
