import { API_ROUTES } from './api-routes.js';

/**
 * The HTTP API: every route of infra/api-routes.ts on the `api` function, IAM authorization on all
 * but `GET /openapi.json`, access logs kept three months. No CORS: callers sign with SigV4.
 * @example const api = createApi(fns.api); api.url;
 */
export function createApi(handler: sst.aws.Function): sst.aws.ApiGatewayV2 {
  const api = new sst.aws.ApiGatewayV2('Api', { cors: false, accessLog: { retention: '3 months' } });
  for (const { route, auth } of API_ROUTES) {
    api.route(route, handler.arn, { auth: auth === 'iam' ? { iam: true } : false });
  }
  return api;
}
