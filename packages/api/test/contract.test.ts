import { randomBytes } from 'node:crypto';
import { type ApiServer, findFreePort, localDynamoClient, startApiServer } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository } from '../../store/test/helpers/findings.js';
import { type ApiDependencies, ApiError, createApiHandler } from '../src/index.js';
import { contractOf, type HttpAnswer } from './helpers/contract.js';

/**
 * The API keeps its own contract: every route's real answers over HTTP, successes and errors,
 * validated against the `/openapi.json` the same server serves, with standard validators
 * (the document with @seriousme/openapi-schema-validator, the bodies with Ajv 2020-12).
 */
const dynamo = useDynamoDbLocal();
const TOKEN = 'contract-token-1f9a';
const FAILING = [
  finding(CHECKS.scanOnPush, repository('contract/app'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('contract/app'), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('contract'), 'FAIL', at(0)),
];
const [scanId] = FAILING.map((each) => each.id);
const MISSING_ID = '0'.repeat(32);
const MISSING_SUPPRESSION = '00000000-0000-4000-8000-000000000000';

const setup = {
  server: undefined as unknown as ApiServer,
  broken: undefined as unknown as ApiServer,
  findings: undefined as unknown as FindingsRepository,
  ready: false,
};
beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const options = { client, tableName: dynamo.tableName };
  const findings = new FindingsRepository(options);
  setup.findings = findings;
  await findings.applyEvaluation(FAILING);
  await findings.applyEvaluation([finding(CHECKS.scanOnPush, repository('contract/app'), 'PASS', at(5))]);
  let sweeps = 0;
  const dependencies: ApiDependencies = {
    findings,
    suppressions: new SuppressionsRepository(options),
    cursorKey: randomBytes(32),
    maxSuppressionDays: 90,
    readiness: () => (setup.ready ? { ready: true } : { ready: false, waitingFor: 'the first sweep' }),
    sweeps: {
      get: async (id) =>
        id === 'sweep-1'
          ? { id, status: 'running', step: 'storing', startedAt: new Date().toISOString(), resources: 3 }
          : undefined,
    },
    async startSweep() {
      sweeps += 1;
      if (sweeps > 1) throw new ApiError(409, 'conflict', 'Sweep sweep-1 is still running');
      return { status: 'started', startedAt: new Date().toISOString(), id: 'sweep-1' };
    },
  };
  setup.server = await startApiServer({
    port: await findFreePort(),
    handler: createApiHandler(dependencies),
    token: TOKEN,
  });
  // The same routes over a store that fails on every call: the 500s they answer.
  const failing = new Proxy({}, { get: () => async () => Promise.reject(new Error('the table is gone')) });
  const { sweeps: _none, ...withoutProgress } = dependencies;
  const broken = createApiHandler({
    ...withoutProgress,
    findings: failing as FindingsRepository,
    suppressions: failing as SuppressionsRepository,
    startSweep: () => Promise.reject(new Error('the sweep function is gone')),
    onError: () => {},
  });
  setup.broken = await startApiServer({ port: await findFreePort(), handler: broken, token: TOKEN });
});
afterAll(async () => {
  await setup.server?.close();
  await setup.broken?.close();
});

async function call(
  server: ApiServer,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null } = {},
): Promise<HttpAnswer> {
  const token = options.token === undefined ? TOKEN : options.token;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.json(),
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const suppression = { checkId: CHECKS.tagImmutability.checkId, reason: 'Migration', owner: 'platform' };

describe('the API contract (/openapi.json) over HTTP', () => {
  it('answers every route, successes and errors, as the served document says', async () => {
    // Prepare
    const served = await call(setup.server, 'GET', '/openapi.json', { token: null });
    const contract = await contractOf(served.body);
    const check = async (operation: string, path: string, options: Parameters<typeof call>[3] = {}) => {
      const [method = ''] = operation.split(' ');
      const answer = await call(setup.server, method, path, options);
      contract.check(operation, answer);
      return answer;
    };
    const arn = encodeURIComponent(repository('contract/app').id);
    // Act and assess: each route's successes, then its errors.
    contract.check('GET /openapi.json', served);
    await check('GET /health', '/health', { token: null });
    await check('GET /summary', '/summary');
    setup.ready = true;
    await check('GET /health', '/health', { token: null });
    await check('GET /findings', '/findings?status=FAIL&limit=1');
    await check('GET /findings', '/findings?severity=loud');
    await check('GET /findings', '/findings', { token: null });
    await check('GET /findings/{id}', `/findings/${scanId}`);
    await check('GET /findings/{id}', '/findings/not-an-id');
    await check('GET /findings/{id}', `/findings/${MISSING_ID}`);
    const history = await check('GET /findings/{id}/history', `/findings/${scanId}/history`);
    expect((history.body as { history: unknown[] }).history).toHaveLength(2);
    await check('GET /findings/{id}/history', `/findings/${scanId}/history?cursor=forged.abc`);
    await check('GET /findings/{id}/history', `/findings/${MISSING_ID}/history`);
    await check('GET /resources/{arn}/findings', `/resources/${arn}/findings`);
    await check('GET /resources/{arn}/findings', `/resources/${'a'.repeat(2100)}/findings`);
    await check('GET /summary', '/summary');
    await check('GET /summary', '/summary?accountId=111122223333&inUse=true');
    await check('GET /summary', '/summary?accountId=1111');
    await check('GET /checks', '/checks');
    await setup.findings.recordDailyPosture();
    const trend = await check('GET /posture/history', '/posture/history?days=7');
    expect((trend.body as { days: unknown[] }).days).toHaveLength(1);
    await check('GET /posture/history', '/posture/history?days=8');
    await check('GET /suppressions', '/suppressions?active=true');
    await check('GET /suppressions', '/suppressions?active=maybe');
    const created = await check('POST /suppressions', '/suppressions', {
      body: { ...suppression, expiresAt: inDays(7) },
    });
    await check('POST /suppressions', '/suppressions', { body: { ...suppression, expiresAt: inDays(900) } });
    await check('POST /suppressions', '/suppressions', { body: 'x'.repeat(70_000) });
    const id = (created.body as { suppression: { id: string } }).suppression.id;
    await check('DELETE /suppressions/{id}', `/suppressions/${id}`);
    await check('DELETE /suppressions/{id}', '/suppressions/not-a-uuid');
    await check('DELETE /suppressions/{id}', `/suppressions/${MISSING_SUPPRESSION}`);
    await check('POST /sweeps', '/sweeps');
    await check('POST /sweeps', '/sweeps');
    await check('GET /sweeps/{id}', '/sweeps/sweep-1');
    await check('GET /sweeps/{id}', '/sweeps/not%20one');
    await check('GET /sweeps/{id}', '/sweeps/sweep-9');
    contract.check('GET /sweeps/{id}', await call(setup.broken, 'GET', '/sweeps/sweep-1'));
    // The 500 of every route that reads or writes, from the server whose store fails.
    for (const [operation, path] of [
      ['GET /findings', '/findings'],
      ['GET /findings/{id}', `/findings/${scanId}`],
      ['GET /findings/{id}/history', `/findings/${scanId}/history`],
      ['GET /resources/{arn}/findings', `/resources/${arn}/findings`],
      ['GET /summary', '/summary'],
      ['GET /posture/history', '/posture/history'],
      ['GET /suppressions', '/suppressions'],
      ['POST /suppressions', '/suppressions'],
      ['DELETE /suppressions/{id}', `/suppressions/${MISSING_SUPPRESSION}`],
      ['POST /sweeps', '/sweeps'],
    ] as const) {
      const [method = ''] = operation.split(' ');
      const body =
        method === 'POST' && path === '/suppressions' ? { ...suppression, expiresAt: inDays(7) } : undefined;
      contract.check(operation, await call(setup.broken, method, path, body === undefined ? {} : { body }));
    }
    // Every documented answer was seen, but those no request can cause here (named, with why).
    const unreachable = [
      'GET /checks 401', // the same bearer check as every route (GET /findings 401 is seen)
      'GET /checks 500', // reads no store: the catalog is in memory
      'POST /sweeps 401',
      'POST /sweeps 501', // a deployment without a sweep function; locally it always has one
      'GET /summary 401',
      'GET /posture/history 401',
      'GET /findings/{id} 401',
      'GET /findings/{id}/history 401',
      'GET /resources/{arn}/findings 401',
      'GET /suppressions 401',
      'POST /suppressions 401',
      'DELETE /suppressions/{id} 401',
      'GET /sweeps/{id} 401',
      'GET /sweeps/{id} 500', // reads the in-memory registry (locally) and no store
    ];
    const missed = contract.documented().filter((each) => !contract.exercised().includes(each));
    expect(missed.sort()).toEqual(unreachable.sort());
  });

  it('keeps internal fields in the store: no TTL, key or change mark in a finding or its history', async () => {
    const history = await call(setup.server, 'GET', `/findings/${scanId}/history`);
    const one = await call(setup.server, 'GET', `/findings/${scanId}`);
    const list = await call(setup.server, 'GET', '/findings?limit=1000');
    const text = JSON.stringify([history.body, one.body, list.body]);
    for (const internal of [
      'expiresAt',
      'PK',
      'SK',
      'GSI1PK',
      'GSI1SK',
      'transition":"opened","notify',
      'notify',
    ]) {
      expect(text).not.toContain(`"${internal}"`);
    }
  });
});
