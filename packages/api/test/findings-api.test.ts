import type { Finding } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository, user } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const READS = ['QueryCommand', 'GetItemCommand', 'BatchGetItemCommand'];

/** 250 failing findings (one check, 250 repositories) and a few others. */
const FAILING = Array.from({ length: 250 }, (_, index) =>
  finding(CHECKS.scanOnPush, repository(`paging/repo-${String(index).padStart(3, '0')}`), 'FAIL', at(0)),
);
const OTHERS: Finding[] = [
  finding(CHECKS.tagImmutability, repository('team/app'), 'PASS', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0), 'prod: endpoint open to 0.0.0.0/0'),
  finding(CHECKS.userMfa, user('alice'), 'FAIL', at(0)),
];

const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  await new FindingsRepository({ client, tableName: dynamo.tableName }).applyEvaluation([
    ...FAILING,
    ...OTHERS,
  ]);
  client.destroy();
  setup.api = apiOn(dynamo);
});

async function pageThrough(query: Record<string, string>): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const answer = await setup.api.call('GET', '/findings', {
      query: { ...query, ...(cursor ? { cursor } : {}) },
    });
    expect(answer.status).toBe(200);
    found.push(...(answer.json.findings as Record<string, unknown>[]));
    cursor = answer.json.cursor as string | undefined;
  } while (cursor);
  return found;
}

describe('GET /findings', () => {
  it('pages through 250 failing findings with limit=100, each exactly once', async () => {
    // Act
    const found = await pageThrough({ checkId: CHECKS.scanOnPush.checkId, status: 'FAIL', limit: '100' });
    // Assess
    const ids = found.map((each) => each.id);
    expect(ids).toHaveLength(250);
    expect(new Set(ids)).toEqual(new Set(FAILING.map((each) => each.id)));
  });

  it('filters on every given filter, with Queries only (never a Scan)', async () => {
    // Prepare
    setup.api.log.clear();
    // Act
    const found = await pageThrough({ status: 'FAIL', recommendation: 'CSA-4', accountId: '111122223333' });
    // Assess
    expect(found.map((each) => each.resourceName)).toEqual(['prod']);
    expect(found[0]).toMatchObject({ state: 'OPEN', message: 'prod: endpoint open to 0.0.0.0/0' });
    expect(found[0]).not.toHaveProperty('PK');
    expect(setup.api.log.names().every((name) => READS.includes(name))).toBe(true);
    expect(setup.api.log.names()).toContain('QueryCommand');
  });

  it('answers 400 naming the parameter for a wrong value, an unknown parameter or a wrong limit', async () => {
    const severity = await setup.api.call('GET', '/findings', { query: { severity: 'urgent' } });
    expect(severity.status).toBe(400);
    expect(severity.json).toEqual({
      error: { code: 'invalid_parameter', message: expect.stringMatching(/^severity: .*critical/) },
    });
    const unknown = await setup.api.call('GET', '/findings', { query: { colour: 'red' } });
    expect(unknown.json).toEqual({
      error: { code: 'invalid_parameter', message: 'unknown parameter(s) colour' },
    });
    for (const limit of ['0', '1001', '2.5', 'many']) {
      const answer = await setup.api.call('GET', '/findings', { query: { limit } });
      expect(answer.status).toBe(400);
      expect((answer.json.error as { message: string }).message).toMatch(/^limit: /);
    }
  });

  it('answers 400 for __proto__, constructor and prototype as API Gateway delivers them, and shows a hostile name escaped', async () => {
    // Prepare: API Gateway's event is JSON, so `__proto__` arrives as an own property
    const parsed = JSON.parse('{"__proto__": "1", "constructor": "1", "prototype": "1"}');
    const hostile = `\u001b[2J${'k'.repeat(300)}`;
    // Act
    const proto = await setup.api.call('GET', '/findings', { query: parsed });
    const escaped = await setup.api.call('GET', '/findings', { query: { [hostile]: '1' } });
    // Assess
    expect(proto).toMatchObject({
      status: 400,
      json: {
        error: {
          code: 'invalid_parameter',
          message: 'unknown parameter(s) __proto__, constructor, prototype',
        },
      },
    });
    const message = (escaped.json.error as { message: string }).message;
    expect(message).toMatch(/^unknown parameter\(s\) \\u001b\[2Jk+… \(\d+ more characters\)$/);
    expect(message).not.toContain('\u001b');
  });

  it('never splices a filter value into an expression', async () => {
    // Prepare
    setup.api.log.clear();
    const hostile = "eks-x) OR begins_with(#pk, 'F#";
    // Act
    const answer = await setup.api.call('GET', '/findings', {
      query: { region: 'eu-west-1', accountId: '111122223333', checkId: 'eks-cluster-audit-logging' },
    });
    const rejected = await setup.api.call('GET', '/findings', { query: { checkId: hostile } });
    // Assess
    expect(answer.status).toBe(200);
    expect(rejected.status).toBe(400);
    for (const { input } of setup.api.log.sent) {
      expect(JSON.stringify([input.KeyConditionExpression, input.FilterExpression])).not.toMatch(
        /eu-west-1|111122223333/,
      );
    }
  });
});

describe('cursors', () => {
  async function firstCursor(query: Record<string, string>): Promise<string> {
    const answer = await setup.api.call('GET', '/findings', { query: { ...query, limit: '10' } });
    return answer.json.cursor as string;
  }

  it('rejects a modified cursor with 400 invalid_cursor', async () => {
    // Prepare
    const cursor = await firstCursor({ status: 'FAIL' });
    const [payload, signature] = cursor.split('.') as [string, string];
    const position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    position[1] = 3;
    const forged = `${Buffer.from(JSON.stringify(position)).toString('base64url')}.${signature}`;
    const flipped = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    // Act
    const answers = await Promise.all(
      [forged, flipped, payload, 'not-a-cursor'].map((each) =>
        setup.api.call('GET', '/findings', { query: { status: 'FAIL', cursor: each } }),
      ),
    );
    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect((answer.json.error as { code: string }).code).toBe('invalid_cursor');
    }
  });

  it('rejects a cursor used with other filters, and one of another API (another key)', async () => {
    const cursor = await firstCursor({ status: 'FAIL' });
    const otherFilters = await setup.api.call('GET', '/findings', { query: { status: 'PASS', cursor } });
    expect(otherFilters.json).toMatchObject({ error: { code: 'invalid_cursor' } });
    const otherApi = apiOn(dynamo);
    const otherKey = await otherApi.call('GET', '/findings', { query: { status: 'FAIL', cursor } });
    expect(otherKey.json).toMatchObject({ error: { code: 'invalid_cursor' } });
  });
});

describe('GET /findings/{id}, its history and a resource’s findings', () => {
  const prod = OTHERS[1] as Finding;

  it('returns one finding, and 404 or 400 for a missing or malformed id', async () => {
    const found = await setup.api.call('GET', `/findings/${prod.id}`);
    expect(found.json.finding).toMatchObject({ id: prod.id, state: 'OPEN', version: 1 });
    const missing = await setup.api.call('GET', `/findings/${'0'.repeat(32)}`);
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    const malformed = await setup.api.call('GET', '/findings/not-an-id');
    expect(malformed).toMatchObject({ status: 400, json: { error: { code: 'invalid_parameter' } } });
    expect((malformed.json.error as { message: string }).message).toMatch(/^id: /);
  });

  it('returns the history newest first', async () => {
    const answer = await setup.api.call('GET', `/findings/${prod.id}/history`);
    expect(answer.json.history).toEqual([
      expect.objectContaining({ version: 1, transition: 'opened', state: 'OPEN', status: 'FAIL' }),
    ]);
  });

  it('returns the findings of a resource given its URL-encoded ARN', async () => {
    const arn = repository('team/app').id;
    const answer = await setup.api.call('GET', `/resources/${encodeURIComponent(arn)}/findings`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      resourceId: arn,
      findings: [{ checkId: CHECKS.tagImmutability.checkId }],
    });
  });
});

describe('errors', () => {
  it('answers every error as { error: { code, message } } without a stack', async () => {
    const unknown = await setup.api.call('GET', '/nothing');
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    const wrongMethod = await setup.api.call('PATCH', '/findings');
    expect(wrongMethod).toMatchObject({ status: 405, headers: { allow: 'GET' } });
    const reported: unknown[][] = [];
    const failing = apiOn(dynamo, {
      onError: (...args) => reported.push(args),
      startSweep: async () => {
        throw new Error('lambda:InvokeFunction denied at line 12');
      },
    });
    const crash = await failing.call('POST', '/sweeps');
    expect(crash).toEqual({
      status: 500,
      headers: expect.any(Object),
      json: { error: { code: 'internal_error', message: 'An unexpected error occurred; it was logged' } },
    });
    expect(reported).toEqual([
      [new Error('lambda:InvokeFunction denied at line 12'), { method: 'POST', path: '/sweeps' }],
    ]);
    expect(JSON.stringify(crash.json)).not.toMatch(/denied|line 12|at /);
  });
});

describe('GET /checks and POST /sweeps', () => {
  it('lists the catalog as `customs checks --format json` does', async () => {
    const answer = await setup.api.call('GET', '/checks');
    const checks = answer.json.checks as { id: string; remediation: unknown; evaluate?: unknown }[];
    expect(checks.length).toBeGreaterThan(40);
    expect(checks[0]).toHaveProperty('remediation');
    expect(checks.some((check) => 'evaluate' in check)).toBe(false);
  });

  it('starts a sweep through the injected dependency and answers 202', async () => {
    const answer = await setup.api.call('POST', '/sweeps');
    expect(answer).toMatchObject({ status: 202, json: { sweep: { status: 'started', id: 'sweep-1' } } });
  });
});
