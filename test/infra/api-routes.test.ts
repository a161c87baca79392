import { ROUTES } from '@customs/api';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type ApiRoute } from '../../infra/api-routes.js';

const ARN = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api';

/** A path a caller sends for an API route: `{name}` one segment, `{name+}` an ARN with slashes. */
function samplePath(path: string): string {
  return path.replace(/\{[^}]+\+\}/g, ARN).replace(/\{[^}]+\}/g, '3f2a9c1e');
}

/** Whether an API Gateway route key's path matches a request path (`{proxy+}` only at the end). */
function gatewayMatches(routePath: string, path: string): boolean {
  const pattern = routePath.split('/').filter(Boolean);
  const segments = path.split('/').filter(Boolean);
  const greedy = pattern.at(-1)?.endsWith('+}') === true;
  if (greedy ? segments.length < pattern.length : segments.length !== pattern.length) return false;
  return pattern.every((part, index) => part.startsWith('{') || part === segments[index]);
}

/** The route API Gateway picks: the matching one with the fewest path variables. */
function gatewayRouteOf(method: string, path: string): ApiRoute | undefined {
  const variables = (route: ApiRoute) => (route.route.match(/\{/g) ?? []).length;
  return API_ROUTES.filter((each) => {
    const [routeMethod, routePath = ''] = each.route.split(' ');
    return routeMethod === method && gatewayMatches(routePath, path);
  }).sort((a, b) => variables(a) - variables(b))[0];
}

describe('infra/api-routes', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'routes %s to the api function with its authorization',
    (_, route) => {
      // Act
      const gateway = gatewayRouteOf(route.method, samplePath(route.path));

      // Assess
      expect(gateway).toBeDefined();
      expect(gateway?.auth).toBe(route.authenticated ? 'iam' : 'none');
    },
  );

  it('has no route that serves none of the API', () => {
    // Act
    const used = new Set(ROUTES.map((route) => gatewayRouteOf(route.method, samplePath(route.path))));

    // Assess
    expect(API_ROUTES.filter((route) => !used.has(route))).toEqual([]);
  });

  it('puts a greedy path variable only at the end of a route, as API Gateway requires', () => {
    for (const { route } of API_ROUTES) expect(route).not.toMatch(/\+\}\/./);
  });
});
