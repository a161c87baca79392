import { type Finding, RECOMMENDATIONS, SEVERITIES } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository } from '../../store/test/helpers/findings.js';
import { postureOf } from '../src/index.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();

const FIRST: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.noCritical, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
];
/** Later: the prod endpoint is closed. */
const LATER: Finding[] = [finding(CHECKS.endpointNotPublic, cluster('prod'), 'PASS', at(10))];

const setup = {
  api: undefined as unknown as ReturnType<typeof apiOn>,
  posture: {} as Record<string, ReturnType<typeof postureOf>>,
};

/** Records the day's posture as the store's writers do, at `time`. */
async function recordAt(time: string) {
  const writer = new FindingsRepository({
    client: dynamo.client,
    tableName: dynamo.tableName,
    clock: () => new Date(time),
  });
  await writer.recordDailyPosture();
  setup.posture[time.slice(0, 10)] = postureOf(await writer.summary());
}

beforeAll(async () => {
  // Prepare: the API's clock reads 2026-11-21T12:00Z; records on the 5th, 14th, 15th (twice), 21st.
  setup.api = apiOn(dynamo);
  await setup.api.dependencies.findings.applyEvaluation(FIRST);
  await recordAt('2026-11-05T10:00:00.000Z');
  await recordAt('2026-11-14T10:00:00.000Z');
  await recordAt('2026-11-15T09:00:00.000Z');
  await setup.api.dependencies.findings.applyEvaluation(LATER);
  await recordAt('2026-11-15T23:00:00.000Z');
  await recordAt('2026-11-21T11:00:00.000Z');
});

describe('GET /posture/history', () => {
  it('gives the recorded days of the last 7, oldest first, each the posture of its last reading', async () => {
    // Prepare
    setup.api.log.clear();
    // Act
    const answer = await setup.api.call('GET', '/posture/history', { query: { days: '7' } });
    // Assess
    expect(answer.status).toBe(200);
    const days = answer.json.days as Record<string, unknown>[];
    expect(days.map((day) => day.date)).toEqual(['2026-11-15', '2026-11-21']);
    for (const day of days) {
      const expected = setup.posture[String(day.date)];
      expect(day).toEqual({
        date: day.date,
        overall: expected?.overall,
        byRecommendation: expected?.byRecommendation,
        bySeverity: expected?.bySeverity,
      });
      expect(Object.keys(day.byRecommendation as object).sort()).toEqual([...RECOMMENDATIONS].sort());
      expect(Object.keys(day.bySeverity as object).sort()).toEqual([...SEVERITIES].sort());
    }
    // The 15th is its 23:00 reading: the endpoint closed.
    expect(days[0]?.byRecommendation).toMatchObject({ 'CSA-4': { passed: 1, failed: 0, score: 100 } });
    expect(setup.api.log.names()).toEqual(['QueryCommand']);
  });

  it('reaches 30 days back by default and with days=30, 90 with days=90; missing days are not zero-filled', async () => {
    // Act
    const byDefault = await setup.api.call('GET', '/posture/history');
    const thirty = await setup.api.call('GET', '/posture/history', { query: { days: '30' } });
    const ninety = await setup.api.call('GET', '/posture/history', { query: { days: '90' } });
    // Assess
    const dates = (answer: typeof byDefault) =>
      (answer.json.days as { date: string }[]).map((day) => day.date);
    expect(dates(byDefault)).toEqual(['2026-11-05', '2026-11-14', '2026-11-15', '2026-11-21']);
    expect(dates(thirty)).toEqual(dates(byDefault));
    expect(dates(ninety)).toEqual(dates(byDefault));
  });

  it('answers 400 naming `days` when it is not 7, 30 or 90, and naming an unknown parameter', async () => {
    // Act
    const answers = await Promise.all(
      (
        [{ days: '14' }, { days: '' }, { days: '7e0' }, { days: '7', since: 'x' }] as Record<string, string>[]
      ).map((query) => setup.api.call('GET', '/posture/history', { query })),
    );
    // Assess
    const errors = answers.map((answer) => answer.json.error as { code: string; message: string });
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    expect(errors.map((error) => error.code)).toEqual(Array(4).fill('invalid_parameter'));
    expect(errors.slice(0, 3).map((error) => error.message)).toEqual([
      expect.stringMatching(/^days: /),
      expect.stringMatching(/^days: /),
      expect.stringMatching(/^days: /),
    ]);
    expect(errors[3]).toMatchObject({ message: expect.stringContaining('since') });
  });
});
