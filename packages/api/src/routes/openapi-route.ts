import { buildOpenApi } from '../openapi/build-openapi.js';
import { defineRoute, type Route } from '../router/route.js';
import { openApiSchema } from '../schemas/responses.js';

/**
 * `GET /openapi.json`, the one public route: the document of `routes` (itself included).
 * @example const route = openApiRoute(() => ROUTES);
 */
export function openApiRoute(routes: () => readonly Route[]): Route {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  return defineRoute({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This OpenAPI 3.1 document (no authentication).',
    authenticated: false,
    responses: { 200: { description: 'The OpenAPI document', schema: openApiSchema } },
    async handle() {
      document ??= buildOpenApi(routes());
      return { status: 200, body: document };
    },
  });
}
