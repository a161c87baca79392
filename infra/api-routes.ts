/**
 * The HTTP API's routes in API Gateway (DESIGN.md, "HTTP API"), all served by the `api` function,
 * which routes the request's path itself (packages/api, `ROUTES`). Every route but the OpenAPI
 * document and `/health` (no data: ready or not, and the version) requires IAM authorization (SigV4-signed requests). API Gateway allows a greedy path
 * variable (`{proxy+}`) only at the end of a route, so the findings of a resource, whose ARN has
 * slashes, are routed by their prefix.
 */
export interface ApiRoute {
  route: `${'GET' | 'POST' | 'DELETE'} /${string}`;
  auth: 'iam' | 'none';
}

export const API_ROUTES: readonly ApiRoute[] = [
  { route: 'GET /openapi.json', auth: 'none' },
  { route: 'GET /health', auth: 'none' },
  { route: 'GET /findings', auth: 'iam' },
  { route: 'GET /findings/{id}', auth: 'iam' },
  { route: 'GET /findings/{id}/history', auth: 'iam' },
  { route: 'GET /resources/{proxy+}', auth: 'iam' },
  { route: 'GET /summary', auth: 'iam' },
  { route: 'GET /posture/history', auth: 'iam' },
  { route: 'GET /checks', auth: 'iam' },
  { route: 'GET /suppressions', auth: 'iam' },
  { route: 'POST /suppressions', auth: 'iam' },
  { route: 'DELETE /suppressions/{id}', auth: 'iam' },
  { route: 'POST /sweeps', auth: 'iam' },
  { route: 'GET /sweeps/{id}', auth: 'iam' },
];
