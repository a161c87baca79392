import { CATALOG } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const OPEN_ENDPOINT = finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0), 'prod: open');
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };

beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  await new FindingsRepository({ client, tableName: dynamo.tableName }).applyEvaluation([OPEN_ENDPOINT]);
  client.destroy();
  setup.api = apiOn(dynamo);
});

type Shown = Record<string, unknown> & { remediation?: Record<string, unknown> };

function expectGuidance(shown: Shown | undefined): void {
  const check = CATALOG.get(CHECKS.endpointNotPublic.checkId);
  expect(shown?.title).toBe(check?.title);
  expect(shown?.rationale).toBe(check?.rationale);
  expect(shown?.remediation).toEqual(check?.remediation);
  expect(shown?.remediation?.cli).toMatch(/^aws eks /);
}

describe('findings carry their fix (title, rationale, remediation) in every route', () => {
  it('GET /findings', async () => {
    const answer = await setup.api.call('GET', '/findings', { query: { status: 'FAIL' } });
    expect(answer.status).toBe(200);
    expectGuidance((answer.json.findings as Shown[])[0]);
  });

  it('GET /findings/{id}', async () => {
    const answer = await setup.api.call('GET', `/findings/${OPEN_ENDPOINT.id}`);
    expect(answer.status).toBe(200);
    expectGuidance(answer.json.finding as Shown);
  });

  it('GET /resources/{arn}/findings', async () => {
    const path = `/resources/${encodeURIComponent(OPEN_ENDPOINT.resourceId)}/findings`;
    const answer = await setup.api.call('GET', path);
    expect(answer.status).toBe(200);
    expectGuidance((answer.json.findings as Shown[])[0]);
  });

  it('the OpenAPI document declares every property a finding is answered with', async () => {
    const document = (await setup.api.call('GET', '/openapi.json')).json as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const ok = document.paths['/findings/{id}']?.get?.responses['200'] as {
      content: { 'application/json': { schema: { properties: { finding: { properties: object } } } } };
    };
    const declared = ok.content['application/json'].schema.properties.finding.properties;
    const shown = (await setup.api.call('GET', `/findings/${OPEN_ENDPOINT.id}`)).json.finding as Shown;
    for (const key of Object.keys(shown)) expect(declared).toHaveProperty(key);
    expect(declared).toHaveProperty('remediation.properties.cli');
  });
});
