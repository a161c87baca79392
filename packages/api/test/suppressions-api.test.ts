import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository, user } from '../../store/test/helpers/findings.js';
import { apiOn, NOW } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const ALICE = 'arn:aws:iam::111122223333:user/alice';
const IN_30_DAYS = new Date(NOW.getTime() + 30 * 86_400_000).toISOString();

const SANDBOX = [
  finding(CHECKS.scanOnPush, repository('sandbox/one'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('sandbox/one'), 'FAIL', at(0)),
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  finding(CHECKS.userMfa, user('alice'), 'PASS', at(0)),
];
const [sandboxScan, sandboxTags, teamScan, prodEndpoint] = SANDBOX.map((each) => each.id);

const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
beforeAll(async () => {
  setup.api = apiOn(dynamo);
  await setup.api.dependencies.findings.applyEvaluation(SANDBOX);
});

const body = (value: unknown) => ({ body: JSON.stringify(value) });
const stateOf = async (id: string | undefined) =>
  ((await setup.api.call('GET', `/findings/${id}`)).json.finding as { state: string }).state;

describe('suppressions through the API', () => {
  it('suppresses the matching failures at once, records who and why, and lists it', async () => {
    // Act
    const created = await setup.api.call('POST', '/suppressions', {
      ...body({
        resourcePattern: 'arn:aws:ecr:*:repository/sandbox/*',
        reason: 'Sandbox repositories are rebuilt nightly',
        owner: 'platform-team',
        expiresAt: IN_30_DAYS,
      }),
      iamUser: ALICE,
    });
    // Assess
    expect(created.status).toBe(201);
    const suppression = created.json.suppression as { id: string };
    expect(created.json).toMatchObject({
      suppression: { owner: 'platform-team', createdBy: ALICE, expiresAt: IN_30_DAYS, active: true },
    });
    expect((created.json.changes as { findingId: string }[]).map((each) => each.findingId).sort()).toEqual(
      [sandboxScan, sandboxTags].sort(),
    );
    expect(await stateOf(sandboxScan)).toBe('SUPPRESSED');
    expect(await stateOf(teamScan)).toBe('OPEN');
    const history = await setup.api.call('GET', `/findings/${sandboxScan}/history`);
    expect((history.json.history as unknown[])[0]).toMatchObject({
      transition: 'suppressed',
      state: 'SUPPRESSED',
      status: 'FAIL',
      suppressionId: suppression.id,
      actor: ALICE,
      changedAt: NOW.toISOString(),
      reason: expect.stringContaining('Sandbox repositories are rebuilt nightly'),
    });
    const listed = await setup.api.call('GET', '/suppressions', { query: { active: 'true' } });
    expect(listed.json.suppressions).toEqual([expect.objectContaining({ id: suppression.id })]);
  });

  it('keeps suppressed findings visible with their verdict, and counted in the summary', async () => {
    const failing = await setup.api.call('GET', '/findings', {
      query: { status: 'FAIL', checkId: CHECKS.scanOnPush.checkId },
    });
    const states = Object.fromEntries(
      (failing.json.findings as { id: string; state: string }[]).map((each) => [each.id, each.state]),
    );
    expect(states).toEqual({ [sandboxScan as string]: 'SUPPRESSED', [teamScan as string]: 'OPEN' });
    const summary = await setup.api.call('GET', '/summary');
    expect(summary.json.overall).toMatchObject({ failed: 4, passed: 1 });
  });

  it('reopens what a deleted suppression covered, naming who deleted it', async () => {
    // Prepare
    const created = await setup.api.call('POST', '/suppressions', {
      ...body({
        checkId: CHECKS.endpointNotPublic.checkId,
        reason: 'Public until the VPN is live',
        owner: 'eks-team',
        expiresAt: IN_30_DAYS,
      }),
      iamUser: ALICE,
    });
    const id = (created.json.suppression as { id: string }).id;
    expect(await stateOf(prodEndpoint)).toBe('SUPPRESSED');
    // Act
    const deleted = await setup.api.call('DELETE', `/suppressions/${id}`, {
      iamUser: 'arn:aws:iam::111122223333:user/bob',
    });
    // Assess
    expect(deleted.status).toBe(200);
    expect(deleted.json.changes).toEqual([
      expect.objectContaining({ findingId: prodEndpoint, transition: 'reopened', state: 'OPEN' }),
    ]);
    expect(await stateOf(prodEndpoint)).toBe('OPEN');
    const history = await setup.api.call('GET', `/findings/${prodEndpoint}/history`);
    expect((history.json.history as unknown[])[0]).toMatchObject({
      transition: 'reopened',
      actor: 'arn:aws:iam::111122223333:user/bob',
      reason: `Suppression ${id} deleted by arn:aws:iam::111122223333:user/bob`,
    });
    const again = await setup.api.call('DELETE', `/suppressions/${id}`);
    expect(again).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });

  it('shows a suppressed finding OPEN as soon as its suppression has expired', async () => {
    // Prepare
    const later = apiOn(dynamo);
    later.clock.now = new Date(Date.parse(IN_30_DAYS) + 1000);
    // Act
    const shown = await later.call('GET', `/findings/${sandboxScan}`);
    const suppressions = await later.call('GET', '/suppressions', { query: { active: 'false' } });
    // Assess
    expect(shown.json.finding).toMatchObject({ state: 'OPEN', status: 'FAIL' });
    expect(shown.json.finding).not.toHaveProperty('suppressionId');
    expect(suppressions.json.suppressions).toEqual([expect.objectContaining({ active: false })]);
  });
});

describe('POST /suppressions validation', () => {
  const valid = {
    checkId: CHECKS.userMfa.checkId,
    reason: 'Break-glass user',
    owner: 'security',
    expiresAt: IN_30_DAYS,
  };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['no expiry', { ...valid, expiresAt: undefined }, /^expiresAt: /],
    [
      'an expiry over 90 days ahead',
      { ...valid, expiresAt: new Date(NOW.getTime() + 91 * 86_400_000).toISOString() },
      /^expiresAt: at most 90 days ahead$/,
    ],
    [
      'an expiry in the past',
      { ...valid, expiresAt: '2026-11-01T00:00:00Z' },
      /^expiresAt: must be in the future$/,
    ],
    ['an expiry that is not a date', { ...valid, expiresAt: 'next week' }, /^expiresAt: /],
    [
      'neither a check nor a pattern',
      { ...valid, checkId: undefined },
      /^checkId: give a checkId, a resourcePattern or both$/,
    ],
    [
      'an unknown check',
      { ...valid, checkId: 'eks-cluster-made-up' },
      /^checkId: no check eks-cluster-made-up/,
    ],
    ['no reason', { ...valid, reason: '  ' }, /^reason: /],
    ['an unknown field', { ...valid, team: 'x' }, /^unknown field\(s\) team$/],
    [
      'a resource pattern over 1024 characters',
      { ...valid, resourcePattern: `arn:aws:ecr:*${'*a'.repeat(506)}` },
      /^resourcePattern: is 1025 characters long; at most 1024$/,
    ],
    ['an empty resource pattern', { ...valid, resourcePattern: '' }, /^resourcePattern: is empty$/],
    [
      'a resource pattern with a control character',
      { ...valid, resourcePattern: 'arn:aws:ecr:*\u001b[2J' },
      /^resourcePattern: holds the control character U\+001B at 14$/,
    ],
    [
      'a resource pattern with a lone surrogate',
      { ...valid, resourcePattern: 'arn:aws:ecr:*\ud800' },
      /^resourcePattern: holds a lone surrogate at 14$/,
    ],
  ];
  for (const [name, request, message] of cases) {
    it(`answers 400 invalid_body naming the field for ${name}`, async () => {
      const answer = await setup.api.call('POST', '/suppressions', body(request));
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: { code: 'invalid_body', message: expect.stringMatching(message) },
      });
    });
  }

  it('stores nothing for a rejected pattern, and accepts one of exactly 1024 characters', async () => {
    const listed = async () =>
      ((await setup.api.call('GET', '/suppressions')).json.suppressions as unknown[]).length;
    const before = await listed();
    const tooLong = await setup.api.call(
      'POST',
      '/suppressions',
      body({ ...valid, resourcePattern: '*a'.repeat(1_000) }),
    );
    expect(tooLong.status).toBe(400);
    expect(await listed()).toBe(before);
    const longest = `arn:aws:ecr:*:repository/${'x'.repeat(1024 - 26)}*`;
    expect(longest).toHaveLength(1024);
    const accepted = await setup.api.call(
      'POST',
      '/suppressions',
      body({ ...valid, resourcePattern: longest }),
    );
    expect(accepted.status).toBe(201);
    expect(await listed()).toBe(before + 1);
  });

  it('answers 400 invalid_json for a body that is not JSON, and 413 over 64 KiB', async () => {
    const notJson = await setup.api.call('POST', '/suppressions', { body: '{"checkId": ' });
    expect(notJson.json).toEqual({ error: { code: 'invalid_json', message: 'The body is not JSON' } });
    const huge = await setup.api.call(
      'POST',
      '/suppressions',
      body({ ...valid, reason: 'x'.repeat(70_000) }),
    );
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
  });

  it('answers 400 for a malformed suppression id', async () => {
    const answer = await setup.api.call('DELETE', '/suppressions/42');
    expect(answer).toMatchObject({ status: 400, json: { error: { code: 'invalid_parameter' } } });
  });
});
