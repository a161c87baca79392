import * as z from 'zod';
import { API_VERSION } from '../constants.js';
import type { Route } from '../router/route.js';
import { errorSchema } from '../schemas/responses.js';

type JsonSchema = Record<string, unknown>;

/** A zod schema as the JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends or gets. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' });
  return rest;
}

function content(schema: z.ZodType, io: 'input' | 'output') {
  return { 'application/json': { schema: jsonSchema(schema, io) } };
}

function parameters(route: Route): JsonSchema[] {
  const path = Object.entries(route.params ?? {}).map(([name, { description, schema }]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: jsonSchema(schema, 'input'),
  }));
  const shape = route.query instanceof z.ZodObject ? (route.query.shape as Record<string, z.ZodType>) : {};
  const query = Object.entries(shape).map(function queryParameter([name, field]) {
    const { description, ...schema } = jsonSchema(field, 'input');
    return {
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      schema,
    };
  });
  return [...path, ...query];
}

function operation(route: Route) {
  const errors = route.authenticated
    ? {
        401: {
          description: 'Missing or wrong credentials (local bearer token)',
          content: content(errorSchema, 'output'),
        },
        500: { description: 'An unexpected error', content: content(errorSchema, 'output') },
      }
    : {};
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, spec]) => [
      status,
      { description: spec.description, ...(spec.schema ? { content: content(spec.schema, 'output') } : {}) },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    security: route.authenticated ? [{ awsIam: [] }, { bearerToken: [] }] : [],
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: content(route.body, 'input') } } : {}),
    responses: { ...responses, ...errors },
  };
}

/**
 * The OpenAPI 3.1 document of the routes, generated from the zod schemas they validate with.
 * `{name+}` path parameters (one or more segments) are documented as `{name}`.
 * @example const document = buildOpenApi(ROUTES);
 */
export function buildOpenApi(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/\{(\w+)\+\}/g, '{$1}');
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customs findings API',
      version: API_VERSION,
      description:
        'Compliance findings of ECR, EKS and IAM against the CSA container recommendations. Errors are ' +
        '`{ "error": { "code", "message" } }`; list cursors are opaque and signed.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      securitySchemes: {
        awsIam: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'In AWS: API Gateway IAM authorization (requests signed with SigV4).',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Locally (`customs start`): the token from CUSTOMS_API_TOKEN or printed at start.',
        },
      },
    },
  };
}
