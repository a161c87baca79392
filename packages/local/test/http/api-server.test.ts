import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { type ApiHandler, createApiHandler } from '@customs/api';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, finding, repository } from '../../../store/test/helpers/findings.js';
import { findFreePort, localDynamoClient } from '../../src/dynamodb/index.js';
import { useDynamoDbLocal } from '../../src/dynamodb/testing.js';
import { type ApiServer, startApiServer } from '../../src/http/index.js';

const dynamo = useDynamoDbLocal();
const TOKEN = 'test-token-5f2c8e';
const FAILING = Array.from({ length: 250 }, (_, index) =>
  finding(CHECKS.scanOnPush, repository(`http/repo-${String(index).padStart(3, '0')}`), 'FAIL', at(0)),
);

const setup = { server: undefined as unknown as ApiServer };
beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const options = { client, tableName: dynamo.tableName };
  const findings = new FindingsRepository(options);
  await findings.applyEvaluation(FAILING);
  const handler = createApiHandler({
    findings,
    suppressions: new SuppressionsRepository(options),
    cursorKey: randomBytes(32),
    maxSuppressionDays: 90,
    startSweep: async () => ({ status: 'started', startedAt: new Date().toISOString() }),
  });
  setup.server = await startApiServer({ port: await findFreePort(), handler, token: TOKEN });
});
afterAll(async () => {
  await setup.server?.close();
});

const auth = { authorization: `Bearer ${TOKEN}` };
const get = (path: string, headers: Record<string, string> = auth) =>
  fetch(`${setup.server.url}${path}`, { headers });

describe('the local API server', () => {
  it('pages through 250 failing findings with limit=100 over HTTP, each exactly once', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ status: 'FAIL', limit: '100', ...(cursor ? { cursor } : {}) });
      const response = await get(`/findings?${query}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { findings: { id: string }[]; cursor?: string };
      ids.push(...page.findings.map((each) => each.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(ids).toHaveLength(250);
    expect(new Set(ids)).toEqual(new Set(FAILING.map((each) => each.id)));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('answers 401 unauthorized without a token or with a wrong one, and serves /openapi.json to anyone', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ];
    for (const headers of attempts) {
      const response = await get('/summary', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect((await get('/nothing', {})).status).toBe(401);
    const document = await get('/openapi.json', {});
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('finds a resource by its URL-encoded ARN, and answers 404 and 405 with Allow', async () => {
    const arn = repository('http/repo-007').id;
    const found = await get(`/resources/${encodeURIComponent(arn)}/findings`);
    expect(await found.json()).toMatchObject({
      resourceId: arn,
      findings: [{ checkId: CHECKS.scanOnPush.checkId }],
    });
    expect((await get('/unknown')).status).toBe(404);
    const wrong = await fetch(`${setup.server.url}/summary`, { method: 'POST', headers: auth });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('answers 413 for a body over 64 KiB, announced or streamed', async () => {
    // Prepare
    const big = JSON.stringify({ reason: 'x'.repeat(70_000) });
    // Act
    const announced = await fetch(`${setup.server.url}/suppressions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: big,
    });
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${setup.server.url}/suppressions`,
        { method: 'POST', headers: { ...auth, 'transfer-encoding': 'chunked' } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('y'.repeat(10_000));
      req.end();
    });
    // Assess
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 400 naming __proto__, constructor and prototype like any other unknown parameter or field', async () => {
    // Prepare
    const post = (body: string) =>
      fetch(`${setup.server.url}/suppressions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      });
    const valid = {
      checkId: CHECKS.scanOnPush.checkId,
      reason: 'accepted for the test',
      owner: 'platform',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    // Act
    const queries = await Promise.all(
      ['__proto__', 'constructor', 'prototype', '__proto__[status]'].map(async (name) => {
        const response = await get(`/findings?${encodeURIComponent(name)}=1`);
        return [response.status, await response.json()];
      }),
    );
    const proto = await post(`{"__proto__": {"checkId": "x"}, ${JSON.stringify(valid).slice(1)}`);
    const withConstructor = await post(JSON.stringify({ ...valid, constructor: { prototype: {} } }));
    const listed = await get('/suppressions');
    // Assess
    expect(queries).toEqual(
      ['__proto__', 'constructor', 'prototype', '__proto__[status]'].map((name) => [
        400,
        { error: { code: 'invalid_parameter', message: `unknown parameter(s) ${name}` } },
      ]),
    );
    expect([proto.status, await proto.json()]).toEqual([
      400,
      { error: { code: 'invalid_body', message: 'unknown field(s) __proto__' } },
    ]);
    expect([withConstructor.status, await withConstructor.json()]).toEqual([
      400,
      { error: { code: 'invalid_body', message: 'unknown field(s) constructor' } },
    ]);
    expect(((await listed.json()) as { suppressions: unknown[] }).suppressions).toEqual([]);
  });

  it('rejects with one clear sentence when the port is in use', async () => {
    const port = Number(new URL(setup.server.url).port);
    const handler: ApiHandler = async () => ({ statusCode: 204 });
    await expect(startApiServer({ port, handler, token: TOKEN })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use: stop what uses it or choose another port (--port).`,
    );
  });
});

describe('the request event', () => {
  it('is an API Gateway HTTP API payload v2 event, and the result is written back', async () => {
    // Prepare
    const seen: APIGatewayProxyEventV2[] = [];
    const handler: ApiHandler = async (event) => {
      seen.push(event);
      return {
        statusCode: 201,
        headers: { 'X-Custom': 'yes' },
        cookies: ['a=1; Path=/', 'b=2'],
        body: Buffer.from('made').toString('base64'),
        isBase64Encoded: true,
      };
    };
    const server = await startApiServer({ port: await findFreePort(), handler, token: TOKEN });
    // Act
    const response = await fetch(
      `${server.url}/resources/arn%3Aaws%3Aeks%3Aeu-west-1%3A111122223333%3Acluster%2Fprod/findings?status=FAIL&tag=a&tag=b`,
      {
        method: 'POST',
        headers: {
          ...auth,
          'Content-Type': 'application/octet-stream',
          Cookie: 'session=1; theme=dark',
          'X-Trace': 'abc',
        },
        body: new Uint8Array([0, 1, 2, 255]),
      },
    );
    await server.close();
    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(await response.text()).toBe('made');
    const [event] = seen;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/resources/arn:aws:eks:eu-west-1:111122223333:cluster/prod/findings',
      rawQueryString: 'status=FAIL&tag=a&tag=b',
      queryStringParameters: { status: 'FAIL', tag: 'a,b' },
      cookies: ['session=1', 'theme=dark'],
      headers: { 'content-type': 'application/octet-stream', 'x-trace': 'abc' },
      body: Buffer.from([0, 1, 2, 255]).toString('base64'),
      isBase64Encoded: true,
      requestContext: {
        routeKey: '$default',
        stage: '$default',
        http: {
          method: 'POST',
          path: '/resources/arn:aws:eks:eu-west-1:111122223333:cluster/prod/findings',
          sourceIp: '127.0.0.1',
        },
        authorizer: { lambda: { actor: 'local-token' } },
      },
    });
    expect(event?.headers).not.toHaveProperty('cookie');
    expect(event?.pathParameters).toBeUndefined();
  });
});
