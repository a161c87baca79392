import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, finding, repository } from '../../store/test/helpers/findings.js';
import { apiOn, NOW } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const IN_7_DAYS = new Date(NOW.getTime() + 7 * 86_400_000).toISOString();
/** 61 open failures, as the demo had when `{"resourcePattern":"*"}` muted them all in one call. */
const FAILING = Array.from({ length: 61 }, (_, index) =>
  finding(CHECKS.scanOnPush, repository(`bulk/repo-${String(index).padStart(2, '0')}`), 'FAIL', at(0)),
);
const PASSING = finding(CHECKS.tagImmutability, repository('bulk/repo-00'), 'PASS', at(0));

const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
beforeAll(async () => {
  setup.api = apiOn(dynamo);
  await setup.api.dependencies.findings.applyEvaluation([...FAILING, PASSING]);
});

const post = (value: unknown) => setup.api.call('POST', '/suppressions', { body: JSON.stringify(value) });
const why = { reason: 'Bulk migration', owner: 'platform', expiresAt: IN_7_DAYS };
const summary = async () =>
  (await setup.api.call('GET', '/summary')).json as { overall: { failed: number; suppressed: number } };

describe('suppressing many findings at once', () => {
  it('refuses "*" and a pattern over maxSuppressionMatches without confirm, naming the count', async () => {
    // Act
    const everything = await post({ resourcePattern: '*', ...why });
    const many = await post({ checkId: CHECKS.scanOnPush.checkId, ...why });
    // Assess
    expect(everything.status).toBe(400);
    expect(everything.json).toEqual({
      error: {
        code: 'invalid_body',
        message: expect.stringMatching(/confirm: .*every resource \(61 open findings/),
      },
    });
    expect(many.status).toBe(400);
    expect((many.json.error as { message: string }).message).toMatch(
      /61 open findings, more than maxSuppressionMatches \(50\).*"confirm": true/,
    );
    const open = await setup.api.call('GET', '/findings', { query: { state: 'OPEN', limit: '1000' } });
    expect(open.json.findings).toHaveLength(61);
    expect((await summary()).overall).toMatchObject({ failed: 61, suppressed: 0 });
  });

  it('lets a narrow pattern through, and counts what it suppressed in /summary and ?state=', async () => {
    const narrow = await post({ resourcePattern: 'arn:aws:ecr:*:repository/bulk/repo-0*', ...why });
    expect(narrow.status).toBe(201);
    expect(narrow.json.changes).toHaveLength(10);
    const suppressed = await setup.api.call('GET', '/findings', { query: { state: 'SUPPRESSED' } });
    expect((suppressed.json.findings as { state: string }[]).map((each) => each.state)).toEqual(
      Array(10).fill('SUPPRESSED'),
    );
    expect((await summary()).overall).toMatchObject({ failed: 61, suppressed: 10 });
  });

  it('suppresses everything with "confirm": true, and /summary says so', async () => {
    const confirmed = await post({ resourcePattern: '*', ...why, confirm: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.changes).toHaveLength(51);
    expect((await summary()).overall).toMatchObject({ failed: 61, suppressed: 61 });
    const id = (confirmed.json.suppression as { id: string }).id;
    expect(confirmed.json.suppression).not.toHaveProperty('confirm');
    await setup.api.call('DELETE', `/suppressions/${id}`);
    expect((await summary()).overall).toMatchObject({ failed: 61, suppressed: 10 });
  });

  it('answers a state that is not one with the valid ones', async () => {
    const wrong = await setup.api.call('GET', '/findings', { query: { state: 'MUTED' } });
    expect(wrong.status).toBe(400);
    expect((wrong.json.error as { message: string }).message).toMatch(/^state: .*SUPPRESSED/);
  });
});
