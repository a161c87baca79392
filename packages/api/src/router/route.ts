import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import type { ApiDependencies } from '../dependencies.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** What a route's handler is given: the validated query and body, the path parameters, the caller. */
export interface RouteRequest<Q, B> {
  query: Q;
  body: B;
  params: Record<string, string>;
  /** Who is calling: the IAM principal in AWS, the token's holder locally. */
  actor: string;
  event: APIGatewayProxyEventV2;
}

/** A route's answer: status and JSON body (an ApiError is thrown instead). */
export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One documented response of a route (for the OpenAPI document). */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
}

/**
 * One route: the method and path (`{name}` is one path segment, `{name+}` one or more), the zod
 * schemas its input is validated with (the OpenAPI document is generated from them) and its handler.
 */
export interface Route<Q = unknown, B = unknown> {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  /** Documented path parameters: each a description and the schema its value is checked against. */
  params?: Record<string, { description: string; schema: z.ZodType<string> }>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  responses: Record<number, ResponseSpec>;
  /** False for the one public route (`/openapi.json`). */
  authenticated: boolean;
  handle(request: RouteRequest<Q, B>, dependencies: ApiDependencies): Promise<RouteResponse>;
}

/**
 * Declares a route with its handler typed by its schemas.
 * @example defineRoute({ method: 'GET', path: '/checks', ..., handle: async () => ({ status: 200, body }) });
 */
export function defineRoute<Q = undefined, B = undefined>(route: Route<Q, B>): Route {
  return route as unknown as Route;
}
