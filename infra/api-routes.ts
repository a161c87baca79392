/**
 * The HTTP API's routes (DESIGN.md, "HTTP API"), all served by the `api` function. Every route
 * but the OpenAPI document requires IAM authorization (SigV4-signed requests).
 */
export interface ApiRoute {
  route: `${'GET' | 'POST' | 'DELETE'} /${string}`;
  auth: 'iam' | 'none';
}

export const API_ROUTES: readonly ApiRoute[] = [
  { route: 'GET /openapi.json', auth: 'none' },
  { route: 'GET /findings', auth: 'iam' },
  { route: 'GET /findings/{id}', auth: 'iam' },
  { route: 'GET /findings/{id}/history', auth: 'iam' },
  { route: 'GET /resources/{arn}/findings', auth: 'iam' },
  { route: 'GET /summary', auth: 'iam' },
  { route: 'GET /checks', auth: 'iam' },
  { route: 'GET /suppressions', auth: 'iam' },
  { route: 'POST /suppressions', auth: 'iam' },
  { route: 'DELETE /suppressions', auth: 'iam' },
  { route: 'POST /sweeps', auth: 'iam' },
];
