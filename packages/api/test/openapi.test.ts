import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ROUTES } from '../src/index.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();

interface Operation {
  operationId: string;
  security: unknown[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, { description: string }>;
}

async function fetchDocument() {
  const answer = await apiOn(dynamo).call('GET', '/openapi.json');
  expect(answer.status).toBe(200);
  return answer.json as {
    openapi: string;
    info: { title: string };
    paths: Record<string, Record<string, Operation>>;
  };
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route with its method', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(
      [
        'GET /findings',
        'GET /findings/{id}',
        'GET /findings/{id}/history',
        'GET /resources/{arn}/findings',
        'GET /summary',
        'GET /posture/history',
        'GET /checks',
        'GET /suppressions',
        'POST /suppressions',
        'DELETE /suppressions/{id}',
        'POST /sweeps',
        'GET /sweeps/{id}',
        'GET /health',
        'GET /openapi.json',
      ].sort(),
    );
  });

  it('documents every query parameter the handler validates, from the same schemas', async () => {
    const document = await fetchDocument();
    const list = document.paths['/findings']?.get as Operation;
    const names = list.parameters.filter((each) => each.in === 'query').map((each) => each.name);
    expect(names).toEqual([
      'status',
      'state',
      'severity',
      'checkId',
      'recommendation',
      'resourceType',
      'accountId',
      'region',
      'inUse',
      'openedSince',
      'limit',
      'cursor',
      'format',
    ]);
    const severity = list.parameters.find((each) => each.name === 'severity') as { description?: string };
    expect(severity.description).toContain('Values: critical, high, medium, low, informational (any case).');
    expect(severity.description).toContain('comma-separated or repeated');
    expect(list.parameters.find((each) => each.name === 'limit')?.schema).toMatchObject({
      minimum: 1,
      maximum: 1000,
    });
    for (const route of ROUTES) {
      const operation = document.paths[route.path.replace('+', '')]?.[
        route.method.toLowerCase()
      ] as Operation;
      const shape = route.query instanceof z.ZodObject ? Object.keys(route.query.shape) : [];
      expect(operation.parameters.filter((each) => each.in === 'query').map((each) => each.name)).toEqual(
        shape,
      );
    }
  });

  it('declares every path parameter of a templated path, required', async () => {
    const document = await fetchDocument();
    for (const [path, operations] of Object.entries(document.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(operations)) {
        const declared = operation.parameters.filter((each) => each.in === 'path');
        expect(declared.map((each) => each.name)).toEqual(templated);
        expect(declared.every((each) => each.required)).toBe(true);
      }
    }
  });

  it('documents the suppression body with its required fields, and security on all but itself', async () => {
    const document = await fetchDocument();
    const create = document.paths['/suppressions']?.post as Operation;
    expect(create.requestBody?.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['reason', 'owner', 'expiresAt'],
      additionalProperties: false,
    });
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        const isPublic = operation.operationId === 'getOpenApi' || operation.operationId === 'getHealth';
        expect(operation.security.length === 0).toBe(isPublic);
      }
    }
    expect(JSON.stringify(document)).not.toContain('"$schema"');
  });
});
