import { type Finding, summarize } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  at,
  CHECKS,
  cluster,
  finding,
  inUseImageFinding,
  MEMBER,
  repository,
} from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();

const HOME: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('team/app'), 'PASS', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  inUseImageFinding(ACCOUNT, 0, 0),
];
const MEMBERS: Finding[] = [
  finding(CHECKS.scanOnPush, repository('payments-api', MEMBER), 'PASS', at(0)),
  finding(CHECKS.tagImmutability, repository('payments-api', MEMBER), 'PASS', at(0)),
  inUseImageFinding(MEMBER, 2, 0),
];

const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
/** A summary's posture without the accounts list (what core's `summarize` gives). */
const postureOnly = (json: Record<string, unknown>) => {
  const { accounts: _accounts, ...posture } = json;
  return posture;
};

beforeAll(async () => {
  setup.api = apiOn(dynamo);
  await setup.api.dependencies.findings.applyEvaluation(HOME);
  await setup.api.dependencies.findings.applyEvaluation(MEMBERS);
  await setup.api.dependencies.findings.recordDailyPosture({ accounts: [ACCOUNT, MEMBER] });
});

describe('GET /summary per account and of the images in use', () => {
  it("gives one account's posture with accountId, and lists every account present", async () => {
    // Act
    const member = await setup.api.call('GET', '/summary', { query: { accountId: MEMBER } });
    const home = await setup.api.call('GET', '/summary', { query: { accountId: ACCOUNT } });
    const nobody = await setup.api.call('GET', '/summary', { query: { accountId: '999999999999' } });
    // Assess
    expect(member.status).toBe(200);
    expect(postureOnly(member.json)).toEqual(plain(summarize(MEMBERS)));
    expect(postureOnly(home.json)).toEqual(plain(summarize(HOME)));
    expect(nobody.json.overall).toMatchObject({ evaluated: 0, score: null });
    const accounts = member.json.accounts as { accountId: string; overall: unknown }[];
    expect(accounts).toEqual([
      { accountId: ACCOUNT, overall: home.json.overall },
      { accountId: MEMBER, overall: member.json.overall },
    ]);
    expect(nobody.json.accounts).toEqual(accounts);
  });

  it('counts only the images in use with inUse=true, and follows a re-assessment that stops one', async () => {
    // Act
    const before = await setup.api.call('GET', '/summary', { query: { inUse: 'true' } });
    const everything = await setup.api.call('GET', '/summary', { query: { inUse: 'false' } });
    await setup.api.dependencies.findings.applyEvaluation([inUseImageFinding(MEMBER, 0, 10)]);
    const after = await setup.api.call('GET', '/summary', { query: { accountId: MEMBER, inUse: 'TRUE' } });
    // Assess: only the member's image runs (2 tasks); the home account's runs nowhere.
    expect(postureOnly(before.json)).toEqual(plain(summarize([inUseImageFinding(MEMBER, 2, 0)])));
    expect(postureOnly(everything.json)).toEqual(plain(summarize([...HOME, ...MEMBERS])));
    expect(after.json.overall).toMatchObject({ failed: 0, evaluated: 0 });
    expect(after.json.byResourceType).toMatchObject({ 'ecr-image': { failed: 0 } });
  });

  it('answers 400 naming accountId or inUse when they are wrong', async () => {
    // Act
    const answers = await Promise.all(
      (
        [
          { accountId: '4444' },
          { accountId: '44445555666a' },
          { accountId: '4444555566667' },
          { inUse: 'yes' },
        ] as Record<string, string>[]
      ).map((query) => setup.api.call('GET', '/summary', { query })),
    );
    // Assess
    const errors = answers.map((answer) => answer.json.error as { code: string; message: string });
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    expect(errors.map((error) => error.code)).toEqual(Array(4).fill('invalid_parameter'));
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^accountId: .*12 digits/),
      expect.stringMatching(/^accountId: /),
      expect.stringMatching(/^accountId: /),
      expect.stringMatching(/^inUse: /),
    ]);
  });
});

describe('GET /posture/history per account', () => {
  it("gives one account's recorded days with accountId, and the images in use with inUse=true", async () => {
    // Act
    const member = await setup.api.call('GET', '/posture/history', {
      query: { days: '7', accountId: MEMBER },
    });
    const all = await setup.api.call('GET', '/posture/history', { query: { days: '7' } });
    const inUse = await setup.api.call('GET', '/posture/history', { query: { inUse: 'true' } });
    const unrecorded = await setup.api.call('GET', '/posture/history', {
      query: { accountId: '999999999999' },
    });
    // Assess
    const memberDays = member.json.days as { date: string; overall: unknown }[];
    expect(memberDays.map((day) => day.date)).toEqual(['2026-11-21']);
    expect(memberDays[0]?.overall).toEqual(plain(summarize(MEMBERS).overall));
    expect((all.json.days as { overall: unknown }[])[0]?.overall).toEqual(
      plain(summarize([...HOME, ...MEMBERS]).overall),
    );
    expect((inUse.json.days as { overall: unknown }[])[0]?.overall).toEqual(
      plain(summarize([inUseImageFinding(MEMBER, 2, 0)]).overall),
    );
    expect(unrecorded.json.days).toEqual([]);
  });

  it('answers 400 naming accountId when it is not 12 digits', async () => {
    // Act
    const answer = await setup.api.call('GET', '/posture/history', { query: { accountId: 'prod' } });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({
      code: 'invalid_parameter',
      message: expect.stringMatching(/^accountId: /),
    });
  });
});
