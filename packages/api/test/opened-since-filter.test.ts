import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';
import { contractOf } from './helpers/contract.js';

/** GET /findings?openedSince=…: findings whose current or last failure began at or after a time. */
const dynamo = useDynamoDbLocal();
const DAY = 24 * 60;
/** Failing since the first day (2026-11-20T10:00Z). */
const old = finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0));
/** Failing since the second day, 10:00Z. */
const fresh = finding(CHECKS.endpointNotPublic, cluster('staging'), 'FAIL', at(DAY));
/** Passing: never opened. */
const passing = finding(CHECKS.scanOnPush, repository('team/web'), 'PASS', at(DAY));
/** Failed on the first day, resolved, failing again since the second day, 11:00Z. */
const reopened = finding(CHECKS.scanOnPush, repository('team/api'), 'FAIL', at(0));
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };

beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  const store = new FindingsRepository({ client, tableName: dynamo.tableName });
  await store.applyEvaluation([old, fresh, passing, reopened]);
  await store.applyEvaluation([{ ...reopened, status: 'PASS', evaluatedAt: at(10) }]);
  await store.applyEvaluation([{ ...reopened, status: 'FAIL', evaluatedAt: at(DAY + 60) }]);
  client.destroy();
  setup.api = apiOn(dynamo);
});

describe('GET /findings?openedSince', () => {
  it('lists the findings opened at or after a date or a date-time with its zone, as the document says', async () => {
    // Prepare
    const contract = await contractOf((await setup.api.call('GET', '/openapi.json')).json);
    const listed = async (query: Record<string, string>) => {
      const answer = await setup.api.call('GET', '/findings', { query });
      contract.check('GET /findings', {
        status: answer.status,
        contentType: 'application/json',
        body: answer.json,
      });
      return (answer.json.findings as { id: string; openedAt?: string }[]).map((each) => each.id).sort();
    };
    // Act
    const sinceDay = await listed({ openedSince: '2026-11-21' });
    const sinceTime = await listed({ openedSince: '2026-11-21T10:30:00Z' });
    const sinceOffset = await listed({ openedSince: '2026-11-21T11:30+01:00' });
    const withState = await listed({
      openedSince: '2026-11-20',
      state: 'OPEN',
      checkId: CHECKS.scanOnPush.checkId,
    });
    const later = await listed({ openedSince: '2026-11-22' });
    // Assess: the reopened one counts from its current failure; the passing one never matches
    expect(sinceDay).toEqual([fresh.id, reopened.id].sort());
    expect(sinceTime).toEqual([reopened.id]);
    expect(sinceOffset).toEqual([reopened.id]);
    expect(withState).toEqual([reopened.id]);
    expect(later).toEqual([]);
  });

  it('reads with one Query and a filter condition on openedAt, never a Scan, and pages with the cursor', async () => {
    // Act
    setup.api.log.clear();
    const first = await setup.api.call('GET', '/findings', {
      query: { openedSince: '2026-11-21', status: 'FAIL', limit: '1' },
    });
    const sent = [...setup.api.log.sent];
    const second = await setup.api.call('GET', '/findings', {
      query: { openedSince: '2026-11-21', status: 'FAIL', limit: '1', cursor: String(first.json.cursor) },
    });
    // Assess
    expect(sent.map((each) => each.name)).toEqual(['QueryCommand']);
    expect(sent[0]?.input).toMatchObject({
      IndexName: 'byStatus',
      ExpressionAttributeValues: expect.objectContaining({ ':openedSince': '2026-11-21T00:00:00.000Z' }),
      FilterExpression: expect.stringContaining('#openedAt >= :openedSince'),
    });
    expect(setup.api.log.sent.every((each) => each.name !== 'ScanCommand')).toBe(true);
    const ids = [first, second].flatMap((page) => (page.json.findings as { id: string }[]).map((f) => f.id));
    expect(ids.sort()).toEqual([fresh.id, reopened.id].sort());
  });

  it('answers 400 naming a value that is not an ISO 8601 date or a zoned date-time', async () => {
    for (const value of ['yesterday', '2026-02-30', '2026-11-21T10:00', '2026-11-21T24:00Z', '21/11/2026']) {
      const answer = await setup.api.call('GET', '/findings', { query: { openedSince: value } });
      expect(answer).toMatchObject({
        status: 400,
        json: {
          error: {
            code: 'invalid_parameter',
            message: `openedSince: ${value} is not an ISO 8601 date (2026-12-01) or date-time with its zone (2026-12-01T09:30:00Z)`,
          },
        },
      });
    }
  });
});
