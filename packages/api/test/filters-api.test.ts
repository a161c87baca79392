import type { Finding } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository, user } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const SEED: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)), // high
  finding(CHECKS.tagImmutability, repository('team/app'), 'FAIL', at(0)), // medium
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)), // high
  finding(CHECKS.endpointNotPublic, cluster('dev'), 'PASS', at(0)),
  finding(CHECKS.userMfa, user('alice'), 'FAIL', at(0)),
];
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };

beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  await new FindingsRepository({ client, tableName: dynamo.tableName }).applyEvaluation(SEED);
  client.destroy();
  setup.api = apiOn(dynamo);
});

async function ids(query: Record<string, string>): Promise<string[]> {
  const answer = await setup.api.call('GET', '/findings', { query: { ...query, limit: '1000' } });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return (answer.json.findings as { id: string }[]).map((each) => each.id).sort();
}

const expected = (keep: (each: Finding) => boolean) =>
  SEED.filter(keep)
    .map((each) => each.id)
    .sort();

describe('GET /findings filters: any case, comma lists, repeated values', () => {
  it('accepts enumerations in any case: status=fail, severity=HIGH, recommendation=csa-4', async () => {
    expect(await ids({ status: 'fail', severity: 'HIGH' })).toEqual(
      expected((each) => each.status === 'FAIL' && each.severity === 'high'),
    );
    expect(await ids({ recommendation: 'csa-4', resourceType: 'EKS-CLUSTER' })).toEqual(
      expected((each) => each.recommendation === 'CSA-4'),
    );
  });

  it('reads a comma list as any of its values (API Gateway joins repeated parameters so)', async () => {
    const severities = new Set(['high', CHECKS.userMfa.severity]);
    expect(await ids({ severity: `high,${CHECKS.userMfa.severity.toUpperCase()}` })).toEqual(
      expected((each) => severities.has(each.severity)),
    );
    expect(await ids({ status: 'FAIL,PASS', checkId: CHECKS.endpointNotPublic.checkId })).toEqual(
      expected((each) => each.checkId === CHECKS.endpointNotPublic.checkId),
    );
    expect(
      await ids({
        checkId: `${CHECKS.scanOnPush.checkId},${CHECKS.tagImmutability.checkId}`,
        status: 'FAIL',
      }),
    ).toEqual(expected((each) => each.resourceType === 'ecr-repository'));
    expect(await ids({ region: 'eu-west-1,us-west-2', accountId: '111122223333' })).toEqual(
      expected((each) => ['eu-west-1', 'us-west-2'].includes(each.region)),
    );
  });

  it('answers an unknown check id 400 with the nearest ids, not 200 with nothing', async () => {
    const answer = await setup.api.call('GET', '/findings', { query: { checkId: 'ecr-image-sign' } });
    expect(answer).toMatchObject({
      status: 400,
      json: {
        error: {
          code: 'invalid_parameter',
          message: 'checkId: unknown check id ecr-image-sign; did you mean ecr-image-signed?',
        },
      },
    });
  });

  it('names the wrong value of a list, and bounds the list', async () => {
    const answer = await setup.api.call('GET', '/findings', { query: { severity: 'critical,hihg' } });
    expect(answer.json).toEqual({
      error: { code: 'invalid_parameter', message: 'severity: unknown value hihg; did you mean high?' },
    });
    const many = await setup.api.call('GET', '/findings', { query: { region: 'eu-west-1,'.repeat(51) } });
    expect(many.json).toEqual({ error: { code: 'invalid_parameter', message: 'region: at most 50 values' } });
    const empty = await setup.api.call('GET', '/findings', { query: { status: ',' } });
    expect(empty.json).toEqual({ error: { code: 'invalid_parameter', message: 'status: names no value' } });
  });
});
