import { CATALOG, type Finding } from '@customs/core';
import { useDynamoDbLocal } from '@customs/local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FindingFilters, InvalidCursorError, type StoredFinding } from '../src/index.js';
import { at, CHECKS, cluster, finding, image, repository, user } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();
const DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

/** Findings across accounts, regions, resource types, checks, severities and statuses. */
const SEED: Finding[] = [
  finding(CHECKS.scanOnPush, repository('team/app'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('team/app'), 'PASS', at(0)),
  finding(CHECKS.scanOnPush, repository('team/web'), 'PASS', at(0)),
  finding(CHECKS.tagImmutability, repository('team/web'), 'FAIL', at(0)),
  finding(CHECKS.scanOnPush, repository('ops/tools', '444455556666', 'us-west-2'), 'FAIL', at(0)),
  finding(
    CHECKS.tagImmutability,
    repository('ops/tools', '444455556666', 'us-west-2'),
    'NOT_APPLICABLE',
    at(0),
  ),
  finding(CHECKS.noCritical, image('team/app', DIGEST), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  finding(CHECKS.endpointNotPublic, cluster('staging', 'us-west-2'), 'PASS', at(0)),
  finding(CHECKS.userMfa, user('alice'), 'FAIL', at(0)),
  finding(CHECKS.userMfa, user('bob'), 'ERROR', at(0), 'Could not read bob: credentialReport (AccessDenied)'),
];

const setup = { store: undefined as unknown as ReturnType<typeof repositoryOn> };
beforeAll(async () => {
  setup.store = repositoryOn(dynamo);
  await setup.store.repository.applyEvaluation(SEED);
});

function matching(filters: FindingFilters): string[] {
  return SEED.filter((each) =>
    Object.entries(filters).every(([name, value]) =>
      (typeof value === 'string' ? [value] : (value as string[])).includes(
        each[name as keyof Finding] as string,
      ),
    ),
  )
    .map((each) => each.id)
    .sort();
}

async function listAll(filters: FindingFilters, limit = 3): Promise<StoredFinding[]> {
  const found: StoredFinding[] = [];
  let cursor: string | undefined;
  do {
    const page = await setup.store.repository.listFindings({ ...filters, limit, cursor });
    found.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return found;
}

describe('FindingsRepository queries', () => {
  const cases: [string, FindingFilters, string][] = [
    ['everything', {}, 'byStatus'],
    ['status', { status: 'FAIL' }, 'byStatus'],
    ['status and severity', { status: 'FAIL', severity: 'critical' }, 'byStatus'],
    ['severity alone', { severity: 'high' }, 'byStatus'],
    ['check id', { checkId: CHECKS.scanOnPush.checkId }, 'byCheck'],
    ['check id and status', { checkId: CHECKS.scanOnPush.checkId, status: 'FAIL' }, 'byCheck'],
    ['recommendation', { recommendation: 'CSA-3' }, 'byCheck'],
    [
      'recommendation, status and severity',
      { recommendation: 'CSA-3', status: 'FAIL', severity: 'medium' },
      'byCheck',
    ],
    ['resource type and status', { resourceType: 'ecr-repository', status: 'PASS' }, 'byCheck'],
    ['account and region', { accountId: '444455556666', region: 'us-west-2' }, 'byAccountRegion'],
    ['region alone', { region: 'us-west-2' }, 'byStatus'],
    ['several severities', { severity: ['critical', 'high'] }, 'byStatus'],
    ['several statuses and a severity', { status: ['PASS', 'FAIL'], severity: 'high' }, 'byStatus'],
    [
      'several check ids and statuses',
      { checkId: [CHECKS.scanOnPush.checkId, CHECKS.tagImmutability.checkId], status: ['FAIL', 'PASS'] },
      'byCheck',
    ],
    [
      'several recommendations, statuses and severities',
      { recommendation: ['CSA-3', 'CSA-4'], status: ['FAIL', 'PASS'], severity: ['medium', 'high'] },
      'byCheck',
    ],
    ['several regions (an IN condition)', { region: ['us-west-2', 'eu-west-1'], status: 'FAIL' }, 'byStatus'],
    [
      'check id and account (filtered)',
      { checkId: CHECKS.scanOnPush.checkId, accountId: '111122223333' },
      'byCheck',
    ],
  ];

  for (const [name, filters, index] of cases) {
    it(`lists by ${name} with Queries on ${index}, never a Scan`, async () => {
      // Prepare
      setup.store.log.clear();
      // Act
      const found = await listAll(filters);
      // Assess
      expect(found.map((each) => each.id).sort()).toEqual(matching(filters));
      expect(new Set(setup.store.log.names())).toEqual(new Set(['QueryCommand']));
      expect(new Set(setup.store.log.sent.map((command) => command.input.IndexName))).toEqual(
        new Set([index]),
      );
    });
  }

  it('lists a resource type by status, most severe check first, as one index of that type would', async () => {
    // Prepare
    const rank = { critical: 1, high: 2, medium: 3, low: 4, informational: 5 } as const;
    const sortKey = (each: Finding) => `${each.status}#${rank[each.severity]}#${each.checkId}#${each.id}`;
    const expected = SEED.filter((each) => each.resourceType === 'ecr-repository')
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
      .map((each) => each.id);
    // Act
    const found = await listAll({ resourceType: 'ecr-repository' }, 2);
    // Assess
    expect(found.map((each) => each.id)).toEqual(expected);
  });

  it('answers a recommendation in one page although most of its checks have no findings', async () => {
    // Prepare
    const partitions = CATALOG.byRecommendation('CSA-5').length * 4;
    setup.store.log.clear();
    // Act
    const page = await setup.store.repository.listFindings({ recommendation: 'CSA-5', limit: 100 });
    // Assess: more partitions than a page's 10 calls, yet no short page: empty ones are free.
    expect(partitions).toBeGreaterThan(10);
    expect(page.items.map((each) => each.id).sort()).toEqual(matching({ recommendation: 'CSA-5' }));
    expect(page.cursor).toBeUndefined();
    expect(setup.store.log.names()).toHaveLength(partitions);
  });

  it('takes the checks of a resource type from the catalog, so the test checks must be its own', () => {
    for (const meta of Object.values(CHECKS)) {
      const check = CATALOG.get(meta.checkId);
      expect(check).toMatchObject({
        resourceType: meta.resourceType,
        severity: meta.severity,
        recommendation: meta.recommendation,
      });
    }
  });

  it('never splices filter values into expressions', async () => {
    setup.store.log.clear();
    const hostile = "x' OR attribute_exists(PK) OR '";
    const page = await setup.store.repository.listFindings({ checkId: hostile, accountId: hostile });
    expect(page.items).toEqual([]);
    for (const { input } of setup.store.log.sent) {
      const expressions = `${input.KeyConditionExpression} ${input.FilterExpression ?? ''}`;
      expect(expressions).not.toContain(hostile);
      expect(Object.values(input.ExpressionAttributeValues as object)).toContain(hostile);
    }
  });

  it('lists the findings of a resource by its ARN', async () => {
    setup.store.log.clear();
    const found = await setup.store.repository.findingsForResource(repository('team/app').id);
    expect(found.map((each) => each.checkId)).toEqual([
      CHECKS.scanOnPush.checkId,
      CHECKS.tagImmutability.checkId,
    ]);
    expect(setup.store.log.sent.map((command) => [command.name, command.input.IndexName])).toEqual([
      ['QueryCommand', 'byResource'],
      ['BatchGetItemCommand', undefined],
    ]);
  });

  it('rejects a cursor issued for another query', async () => {
    const page = await setup.store.repository.listFindings({ status: 'FAIL', limit: 1 });
    const reuse = setup.store.repository.listFindings({ status: 'PASS', cursor: page.cursor });
    await expect(reuse).rejects.toThrow(InvalidCursorError);
    await expect(setup.store.repository.listFindings({ cursor: 'not-a-cursor' })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('summarises by recommendation, severity and resource type from counters, without a Scan', async () => {
    // Prepare
    setup.store.log.clear();
    // Act
    const summary = await setup.store.repository.summary();
    // Assess
    expect(setup.store.log.names()).toEqual(['QueryCommand']);
    expect(summary.recommendation['CSA-3']).toEqual({
      PASS: 2,
      FAIL: 4,
      NOT_APPLICABLE: 1,
      ERROR: 0,
      SUPPRESSED: 0,
      total: 7,
      score: 2 / 6,
    });
    expect(summary.recommendation['CSA-5']).toMatchObject({ FAIL: 1, ERROR: 1, score: 0 });
    expect(summary.severity.critical).toMatchObject({ FAIL: 1, total: 1 });
    expect(summary.resourceType['eks-cluster']).toMatchObject({ PASS: 1, FAIL: 1, score: 0.5 });
    expect(summary.total).toMatchObject({ total: SEED.length, FAIL: 6, PASS: 3 });
  });

  it('keeps the summary in step with the stored findings as they change', async () => {
    // Prepare
    const { repository: store } = setup.store;
    // Act
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repository('team/app'), 'PASS', at(5))]);
    await store.resolveResource(user('alice').id, 'User deleted (DeleteUser)', { at: at(6) });
    // Assess
    const everything = await listAll({}, 100);
    const summary = await store.summary();
    for (const dimension of ['recommendation', 'severity', 'resourceType'] as const) {
      const counted: Record<string, Record<string, number>> = {};
      for (const each of everything) {
        const counts = counted[each[dimension]] ?? {};
        counts[each.status] = (counts[each.status] ?? 0) + 1;
        counted[each[dimension]] = counts;
      }
      for (const [value, counts] of Object.entries(counted)) {
        expect(summary[dimension][value], `${dimension} ${value}`).toMatchObject(counts);
      }
    }
    expect(summary.resourceType['iam-user']).toMatchObject({ FAIL: 0, NOT_APPLICABLE: 1, ERROR: 1 });
  });
});
