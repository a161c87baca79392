import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { asffProblems, OCSF_VERSION } from '@customs/notify';
import { FindingsRepository } from '@customs/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding } from '../../store/test/helpers/findings.js';
import { apiOn } from './helpers/api.js';

const dynamo = useDynamoDbLocal();
const setup = { api: undefined as unknown as ReturnType<typeof apiOn> };
const FAILING = ['prod', 'staging', 'legacy'].map((name) =>
  finding(CHECKS.endpointNotPublic, cluster(name), 'FAIL', at(0), `${name}: open`),
);

beforeAll(async () => {
  const client = localDynamoClient(dynamo.endpoint);
  await new FindingsRepository({ client, tableName: dynamo.tableName }).applyEvaluation(FAILING);
  client.destroy();
  setup.api = apiOn(dynamo);
});

type Page = { format?: string; findings: Record<string, unknown>[]; cursor?: string };

describe('GET /findings?format= (bulk export)', () => {
  it('exports the stored findings as ASFF documents Security Hub accepts, page by page with the cursor', async () => {
    // Act
    const first = (await setup.api.call('GET', '/findings', { query: { format: 'asff', limit: '2' } }))
      .json as Page;
    const second = (
      await setup.api.call('GET', '/findings', {
        query: { format: 'asff', limit: '2', cursor: first.cursor ?? '' },
      })
    ).json as Page;
    // Assess
    expect(first.format).toBe('asff');
    expect(first.findings).toHaveLength(2);
    expect(second.findings).toHaveLength(1);
    expect(second.cursor).toBeUndefined();
    const documents = [...first.findings, ...second.findings] as unknown as Parameters<
      typeof asffProblems
    >[0][];
    expect(documents.map((document) => document.Id).sort()).toEqual(FAILING.map((f) => f.id).sort());
    for (const document of documents) {
      expect(asffProblems(document)).toEqual([]);
      expect(document).toMatchObject({ Workflow: { Status: 'NEW' }, Compliance: { Status: 'FAILED' } });
    }
  });

  it('exports OCSF Compliance Findings with the stored lifecycle, and refuses an unknown format', async () => {
    // Act
    const page = (await setup.api.call('GET', '/findings', { query: { format: 'ocsf', status: 'FAIL' } }))
      .json as Page;
    const refused = await setup.api.call('GET', '/findings', { query: { format: 'pdf' } });
    // Assess
    expect(page.findings).toHaveLength(3);
    for (const event of page.findings) {
      expect(event).toMatchObject({
        class_uid: 2003,
        category_uid: 2,
        status_id: 1,
        metadata: { version: OCSF_VERSION },
      });
    }
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('format');
  });
});
