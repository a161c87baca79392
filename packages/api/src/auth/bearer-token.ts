import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiHandler } from '../handler.js';
import { ApiError } from '../http/api-error.js';
import { errorResponse } from '../http/responses.js';
import { ROUTES } from '../routes/index.js';

/** The actor recorded (e.g. in suppression history) for requests with the local token. */
export const LOCAL_ACTOR = 'local-token';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The local stack's authentication: every route but the public ones (`/openapi.json`) requires
 * `Authorization: Bearer <token>`, compared in constant time (over equal-length SHA-256 digests);
 * a wrong or missing token is answered 401 `unauthorized`. In AWS, API Gateway's IAM authorization
 * does this instead and the handler is used as is.
 * @example const handler = requireBearerToken(createApiHandler(dependencies), process.env.CUSTOMS_API_TOKEN);
 */
export function requireBearerToken(handler: ApiHandler, token: string): ApiHandler {
  if (token === '') throw new Error('requireBearerToken needs a non-empty token');
  const expected = digest(token);
  const publicPaths = new Set(ROUTES.filter((route) => !route.authenticated).map((route) => route.path));
  return async function authenticate(event) {
    if (publicPaths.has(event.rawPath)) return handler(event);
    const header = event.headers?.authorization ?? '';
    const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      const message =
        presented === undefined ? 'Send Authorization: Bearer <token>' : 'The bearer token is wrong';
      return errorResponse(
        new ApiError(401, 'unauthorized', message, { 'www-authenticate': 'Bearer realm="customs"' }),
      );
    }
    const requestContext = { ...event.requestContext, authorizer: { lambda: { actor: LOCAL_ACTOR } } };
    return handler({ ...event, requestContext });
  };
}
