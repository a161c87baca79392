import { API_ROUTES } from './api-routes.js';

/**
 * The HTTP API, without routes yet (its URL goes into on-finding-change's environment before the
 * api function exists): access logs kept three months; no CORS, callers sign with SigV4.
 * @example const api = createApi(); api.url;
 */
export function createApi(): sst.aws.ApiGatewayV2 {
  return new sst.aws.ApiGatewayV2('Api', { cors: false, accessLog: { retention: '3 months' } });
}

/**
 * Every route of infra/api-routes.ts on the `api` function: IAM authorization on all but
 * `GET /openapi.json`.
 * @example routeApi(api, fns.api);
 */
export function routeApi(api: sst.aws.ApiGatewayV2, handler: sst.aws.Function): void {
  for (const { route, auth } of API_ROUTES) {
    api.route(route, handler.arn, { auth: auth === 'iam' ? { iam: true } : false });
  }
}
