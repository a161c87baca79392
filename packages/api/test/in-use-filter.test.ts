import { CATALOG, type Finding } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, image } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';
import { contractOf } from './helpers/contract.js';

/** GET /findings?inUse=…: ECR image findings by whether their image runs, within the contract. */
const dynamo = useDynamoDbLocal();
const RUNNING = `sha256:${'3a'.repeat(32)}`;
const IDLE = `sha256:${'4b'.repeat(32)}`;
const running: Finding = {
  ...finding(CHECKS.noCritical, image('team/payments-api', RUNNING), 'FAIL', at(0)),
  inUse: { running: 3, where: ['payments/payments-api'] },
};
const idle: Finding = {
  ...finding(CHECKS.noCritical, image('team/payments-api', IDLE), 'FAIL', at(0)),
  inUse: { running: 0, where: [] },
};
const other = finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0));
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };

beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  await new FindingsRepository({ client, tableName: dynamo.tableName }).applyEvaluation([
    running,
    idle,
    other,
  ]);
  client.destroy();
  setup.api = apiOn(dynamo);
});

describe('GET /findings?inUse', () => {
  it('lists the image findings whose image runs (true) or runs nowhere (false), as the document says', async () => {
    // Prepare
    const document = (await setup.api.call('GET', '/openapi.json')).json;
    const contract = await contractOf(document);
    const listed = async (query: Record<string, string>) => {
      const answer = await setup.api.call('GET', '/findings', { query });
      contract.check('GET /findings', {
        status: answer.status,
        contentType: 'application/json',
        body: answer.json,
      });
      return answer.json.findings as (Finding & { inUse?: Finding['inUse'] })[];
    };
    // Act
    const inUse = await listed({ inUse: 'true' });
    const notInUse = await listed({ inUse: 'FALSE', status: 'FAIL' });
    const bySeverity = await listed({ inUse: 'true', severity: 'high' });
    // Assess
    expect(inUse.map((each) => [each.id, each.inUse])).toEqual([
      [running.id, { running: 3, where: ['payments/payments-api'] }],
    ]);
    expect(notInUse.map((each) => each.id)).toEqual([idle.id]);
    expect(bySeverity).toEqual([]);
  });

  it("reads the ECR image checks' findings with Queries and a filter condition, never a Scan", async () => {
    setup.api.log.clear();
    await setup.api.call('GET', '/findings', { query: { inUse: 'true', status: 'FAIL' } });
    const sent = setup.api.log.sent;
    const imageChecks = CATALOG.byResourceType('ecr-image').map((check) => `CHECK#${check.id}`);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(imageChecks.length);
    for (const each of sent) {
      expect(each.name).toBe('QueryCommand');
      expect(each.input).toMatchObject({
        IndexName: 'byCheck',
        ExpressionAttributeValues: expect.objectContaining({ ':sk': 'FAIL#', ':none': 0 }),
        FilterExpression: expect.stringContaining('#inUse.#running > :none'),
      });
      expect(imageChecks).toContain((each.input.ExpressionAttributeValues as Record<string, string>)[':pk']);
    }
  });

  it('answers 400 naming the value that is not true or false', async () => {
    const answer = await setup.api.call('GET', '/findings', { query: { inUse: 'yes' } });
    expect(answer).toMatchObject({
      status: 400,
      json: { error: { code: 'invalid_parameter', message: 'inUse: yes is not true or false' } },
    });
  });
});
