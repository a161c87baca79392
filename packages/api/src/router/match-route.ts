import { ApiError } from '../http/api-error.js';
import type { Route } from './route.js';

/** A route that matched the request's path and method, and the path parameters it captured. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Finds the route for a method and path. Throws a 404 ApiError when no route has the path, a 405
 * with an `Allow` header listing the path's methods when none has the method.
 * @example matchRoute(ROUTES, 'GET', '/findings/3f2a/history'); // { route, params: { id: '3f2a' } }
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = splitPath(path);
  const matching: RouteMatch[] = [];
  for (const route of routes) {
    const params = matchPath(splitPath(route.path), segments);
    if (params) matching.push({ route, params });
  }
  if (matching.length === 0) throw new ApiError(404, 'not_found', `No route ${method} ${path}`);
  const found = matching.find((candidate) => candidate.route.method === method);
  if (found) return found;
  const allowed = [...new Set(matching.map((candidate) => candidate.route.method))].join(', ');
  throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${path}; allowed: ${allowed}`, {
    allow: allowed,
  });
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Matches path segments against a pattern; `{name+}` takes as many segments as leave the rest matching. */
function matchPath(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const greedy = pattern.findIndex((part) => part.endsWith('+}'));
  if (greedy === -1 ? pattern.length !== segments.length : segments.length < pattern.length) return undefined;
  const tail = pattern.length - greedy - 1;
  for (let index = 0; index < pattern.length; index++) {
    const part = pattern[index] as string;
    if (index === greedy) {
      const taken = segments.slice(index, segments.length - tail);
      const value = taken.map(decodeSegment).join('/');
      params[part.slice(1, -2)] = value;
      continue;
    }
    const segment =
      segments[index > greedy && greedy !== -1 ? segments.length - (pattern.length - index) : index];
    if (segment === undefined) return undefined;
    if (part.startsWith('{') && part.endsWith('}')) params[part.slice(1, -1)] = decodeSegment(segment);
    else if (part !== segment) return undefined;
  }
  return params;
}

/** A path segment percent-decoded (local requests keep the encoding; API Gateway HTTP APIs decode it). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, 'invalid_parameter', `The path segment ${segment} is not valid percent-encoding`);
  }
}
