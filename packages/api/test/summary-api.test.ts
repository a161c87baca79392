import { type Finding, summarize } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, image, repository, user } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

const FIRST: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('team/app'), 'PASS', at(0)),
  finding(CHECKS.scanOnPush, repository('team/web'), 'PASS', at(0)),
  finding(CHECKS.tagImmutability, repository('team/web'), 'NOT_APPLICABLE', at(0)),
  finding(CHECKS.noCritical, image('team/app', DIGEST), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('staging'), 'PASS', at(0)),
  finding(CHECKS.userMfa, user('alice'), 'FAIL', at(0)),
  finding(CHECKS.userMfa, user('bob'), 'ERROR', at(0), 'Could not read bob: credentialReport (AccessDenied)'),
];
/** Later: the prod endpoint is closed and alice gets MFA. */
const LATER: Finding[] = [
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'PASS', at(10)),
  finding(CHECKS.userMfa, user('alice'), 'PASS', at(10)),
];

const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
beforeAll(async () => {
  setup.api = apiOn(dynamo);
  await setup.api.dependencies.findings.applyEvaluation(FIRST);
});

describe('GET /summary', () => {
  it('gives the posture that `summarize` gives for the same findings, from the counters (one Query)', async () => {
    // Prepare
    setup.api.log.clear();
    // Act
    const answer = await setup.api.call('GET', '/summary');
    // Assess
    expect(answer.status).toBe(200);
    const { accounts, ...posture } = answer.json;
    expect(posture).toEqual(JSON.parse(JSON.stringify(summarize(FIRST))));
    expect(accounts).toEqual([{ accountId: '111122223333', overall: answer.json.overall }]);
    expect(answer.json.overall).toEqual({
      passed: 3,
      failed: 4,
      errors: 1,
      notApplicable: 1,
      suppressed: 0,
      evaluated: 8,
      score: 37.5,
    });
    // One Query of the counters, one of the accounts present (in parallel).
    expect(setup.api.log.names()).toEqual(['QueryCommand', 'QueryCommand']);
  });

  it('follows the findings as they change', async () => {
    // Act
    await setup.api.dependencies.findings.applyEvaluation(LATER);
    const answer = await setup.api.call('GET', '/summary');
    // Assess
    const current = [...FIRST.filter((each) => !LATER.some((later) => later.id === each.id)), ...LATER];
    const { accounts: _accounts, ...posture } = answer.json;
    expect(posture).toEqual(JSON.parse(JSON.stringify(summarize(current))));
    expect((answer.json.byRecommendation as Record<string, { score: number }>)['CSA-4']?.score).toBe(100);
    expect(
      (answer.json.byRecommendation as Record<string, { score: number | null }>)['CSA-1']?.score,
    ).toBeNull();
  });
});
