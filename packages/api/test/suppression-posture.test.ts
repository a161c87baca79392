import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository } from '../../store/test/helpers/findings.js';
import { apiOn, NOW } from './helpers/api.js';

/** A suppression's create and delete rewrite the day's posture record; GET /suppressions gives the limits. */
const dynamo = useDynamoDbLocal();
const IN_10_DAYS = new Date(NOW.getTime() + 10 * 86_400_000).toISOString();
const FINDINGS = [
  finding(CHECKS.scanOnPush, repository('sandbox/one'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('sandbox/one'), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  finding(CHECKS.scanOnPush, repository('team/app'), 'PASS', at(0)),
];
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
const body = (value: unknown) => ({ body: JSON.stringify(value) });

beforeAll(async () => {
  setup.api = apiOn(dynamo, { maxSuppressionDays: 30, maxSuppressionMatches: 7 });
  await setup.api.dependencies.findings.applyEvaluation(FINDINGS);
});

/** Today's posture record as GET /posture/history shows it (undefined when none). */
async function today(): Promise<
  { date: string; overall: { suppressed: number; score: number } } | undefined
> {
  const answer = await setup.api.call('GET', '/posture/history', { query: { days: '7' } });
  return (answer.json.days as { date: string; overall: { suppressed: number; score: number } }[]).at(-1);
}
/** The PutItem calls that wrote a daily posture record. */
const postureWrites = () =>
  setup.api.log.sent.filter(
    (each) =>
      each.name === 'PutItemCommand' && (each.input as { Item?: { PK?: string } }).Item?.PK === 'POSTURE',
  ).length;

describe("a suppression and the day's posture record", () => {
  it('tells the limits a new suppression meets, as configured', async () => {
    const listed = await setup.api.call('GET', '/suppressions');
    expect(listed.json).toEqual({ suppressions: [], maxSuppressionDays: 30, maxSuppressionMatches: 7 });
  });

  it("rewrites today's record when it suppresses findings and again when deleted; not when it mutes nothing", async () => {
    // Prepare: no record yet
    expect(await today()).toBeUndefined();
    // Act: suppress the sandbox repository's two failures
    const created = await setup.api.call('POST', '/suppressions', {
      ...body({
        resourcePattern: 'arn:aws:ecr:*:repository/sandbox/*',
        reason: 'Rebuilt nightly',
        owner: 'platform-team',
        expiresAt: IN_10_DAYS,
      }),
    });
    // Assess
    expect(created.status).toBe(201);
    expect(await today()).toMatchObject({ date: '2026-11-21', overall: { suppressed: 2 } });
    // Act: a minute later, one that mutes nothing, then the delete
    setup.api.clock.now = new Date(NOW.getTime() + 60_000);
    setup.api.log.clear();
    const idle = await setup.api.call('POST', '/suppressions', {
      ...body({ checkId: CHECKS.userMfa.checkId, reason: 'None yet', owner: 'iam', expiresAt: IN_10_DAYS }),
    });
    expect(idle.status).toBe(201);
    expect(postureWrites()).toBe(0);
    const id = (created.json.suppression as { id: string }).id;
    const deleted = await setup.api.call('DELETE', `/suppressions/${id}`);
    // Assess
    expect(deleted.status).toBe(200);
    expect(postureWrites()).toBe(1);
    expect(await today()).toMatchObject({ date: '2026-11-21', overall: { suppressed: 0 } });
  });
});
