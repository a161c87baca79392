import { type Finding, summarize } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, finding, image } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';
import { contractOf } from './helpers/contract.js';

/**
 * GET /findings?inUse and GET /summary?inUse with Amazon Inspector's count (enhanced scanning):
 * an image Inspector says is in use counts as in use even when no workload Customs reads runs it.
 */
const dynamo = useDynamoDbLocal();
const digest = (pair: string) => `sha256:${pair.repeat(32)}`;
const imageFinding = (pair: string, inUse: NonNullable<Finding['inUse']>): Finding => ({
  ...finding(CHECKS.noCritical, image('team/payments-api', digest(pair)), 'FAIL', at(0)),
  inUse,
});
// run by an ECS service Customs reads
const running = imageFinding('3a', { running: 3, where: ['payments/payments-api'] });
// run only where Customs does not look (a Lambda function, another account's cluster): Inspector says so
const elsewhere = imageFinding('5c', {
  running: 0,
  where: [],
  inspector: { inUseCount: 2, lastInUseAt: '2026-12-01T23:10:00.000Z' },
});
// covered by Inspector, used by nothing
const idle = imageFinding('6d', { running: 0, where: [], inspector: { inUseCount: 0 } });
// Inspector's view unknown (ListCoverage denied): the inventory decides
const unknown = imageFinding('7e', {
  running: 0,
  where: [],
  inspector: { unreadable: 'AccessDenied: inspector2:ListCoverage' },
});
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

beforeAll(async () => {
  setup.api = apiOn(dynamo);
  await setup.api.dependencies.findings.applyEvaluation([running, elsewhere, idle, unknown]);
});

describe("the images in use, with Inspector's inUseCount", () => {
  it('lists an image Inspector counts in use with inUse=true, with what each source said', async () => {
    // Prepare
    const contract = await contractOf((await setup.api.call('GET', '/openapi.json')).json);
    const listed = async (query: Record<string, string>) => {
      const answer = await setup.api.call('GET', '/findings', { query });
      contract.check('GET /findings', {
        status: answer.status,
        contentType: 'application/json',
        body: answer.json,
      });
      return answer.json.findings as Finding[];
    };
    // Act
    const inUse = await listed({ inUse: 'true' });
    const notInUse = await listed({ inUse: 'false' });
    // Assess
    expect(inUse.map((each) => [each.id, each.inUse]).sort()).toEqual(
      [
        [running.id, running.inUse],
        [elsewhere.id, elsewhere.inUse],
      ].sort(),
    );
    expect(notInUse.map((each) => each.id).sort()).toEqual([idle.id, unknown.id].sort());
  });

  it("counts Inspector's in-use images in the summary's inUse counts, and drops one Inspector stops counting", async () => {
    // Act
    const before = await setup.api.call('GET', '/summary', { query: { inUse: 'true' } });
    await setup.api.dependencies.findings.applyEvaluation([
      { ...elsewhere, evaluatedAt: at(10), inUse: { running: 0, where: [], inspector: { inUseCount: 0 } } },
    ]);
    const after = await setup.api.call('GET', '/summary', { query: { inUse: 'true' } });
    // Assess
    const { accounts: _before, ...posture } = before.json;
    expect(posture).toEqual(plain(summarize([running, elsewhere])));
    expect(after.json.overall).toMatchObject({ failed: 1 });
  });
});
