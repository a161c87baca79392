import type { Finding } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../src/index.js';
import {
  at,
  CHECKS,
  type CheckMeta,
  cluster,
  finding,
  type ResourceMeta,
  repository,
} from './helpers/findings.js';
import { recordWriteUnits, repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

/** The five cluster checks of CHECKS.md that read the cluster's own configuration. */
const CLUSTER_CHECKS: CheckMeta[] = [
  CHECKS.endpointNotPublic,
  { ...CHECKS.endpointNotPublic, checkId: 'eks-cluster-endpoint-private-access', severity: 'medium' },
  { ...CHECKS.endpointNotPublic, checkId: 'eks-cluster-secrets-encrypted' },
  { ...CHECKS.endpointNotPublic, checkId: 'eks-cluster-audit-logging' },
  { ...CHECKS.endpointNotPublic, checkId: 'eks-cluster-supported-version', recommendation: 'CSA-1' },
];

function clusterEvaluation(
  resource: ResourceMeta,
  minutes: number,
  status: 'FAIL' | 'PASS' = 'FAIL',
): Finding[] {
  return CLUSTER_CHECKS.map((check) => finding(check, resource, status, at(minutes)));
}

/** A repository on the file's table whose writes report the capacity DynamoDB Local consumed. */
function measuredStore() {
  const client = localDynamoClient(dynamo.endpoint);
  const units = recordWriteUnits(client);
  return { ...repositoryOn(dynamo, {}, client), units };
}

describe('the resource evaluation record', () => {
  it('costs one small write, 1 WRU, for an unchanged re-evaluation of a resource with five findings', async () => {
    // Prepare
    const { repository: store, units } = measuredStore();
    const prod = cluster('record-unchanged');
    await store.applyEvaluation(clusterEvaluation(prod, 0));
    units.clear();
    // Act
    const changes = await store.applyEvaluation(clusterEvaluation(prod, 60));
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(Array(5).fill('unchanged'));
    expect(units.writes.map((write) => [write.name, write.input.Key, write.units])).toEqual([
      ['UpdateItemCommand', { PK: `RES#${prod.id}`, SK: 'EVALUATION' }, 1],
    ]);
    expect(await store.getResourceEvaluation(prod.id)).toMatchObject({ evaluatedAt: at(60), seq: 2 });
    for (const stored of await store.findingsForResource(prod.id)) {
      expect(stored).toMatchObject({ version: 1, lastEvaluatedAt: at(0) });
    }
  });

  it('writes nothing for a stale evaluation, nor for the same evaluation delivered again', async () => {
    // Prepare
    const { repository: store, units, log } = measuredStore();
    const prod = cluster('record-stale');
    await store.applyEvaluation(clusterEvaluation(prod, 10));
    log.clear();
    units.clear();
    // Act
    const stale = await store.applyEvaluation(clusterEvaluation(prod, 5, 'PASS'));
    const again = await store.applyEvaluation(clusterEvaluation(prod, 10));
    // Assess
    expect([...stale, ...again].map((change) => change.transition)).toEqual(Array(10).fill('stale'));
    expect(stale[0]).toMatchObject({ status: 'FAIL', state: 'OPEN', version: 1 });
    expect(units.writes).toEqual([]);
    expect(log.writes()).toEqual([]);
  });

  it('refuses every finding of an older evaluation, one the store never had included (version 0)', async () => {
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('record/older-with-more');
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(5))]);
    const older = [
      finding(CHECKS.scanOnPush, repo, 'PASS', at(3)),
      finding(CHECKS.tagImmutability, repo, 'FAIL', at(3)),
    ];
    const changes = await store.applyEvaluation(older);
    expect(
      changes.map((change) => [change.checkId, change.transition, change.state, change.version]),
    ).toEqual([
      [CHECKS.scanOnPush.checkId, 'stale', 'OPEN', 1],
      [CHECKS.tagImmutability.checkId, 'stale', 'OPEN', 0],
    ]);
    expect(await store.getFinding(older[1]?.id ?? '')).toBeUndefined();
  });

  it('stores a changed evaluation of a resource in one transaction, the record included', async () => {
    const { repository: store, units } = measuredStore();
    const prod = cluster('record-changed');
    await store.applyEvaluation(clusterEvaluation(prod, 0));
    units.clear();
    const changes = await store.applyEvaluation([
      ...clusterEvaluation(prod, 1).slice(0, 3),
      ...clusterEvaluation(prod, 1, 'PASS').slice(3),
    ]);
    expect(changes.map((change) => change.transition)).toEqual([
      ...Array(3).fill('unchanged'),
      ...Array(2).fill('resolved'),
    ]);
    expect(units.writes.map((write) => write.name)).toEqual(['TransactWriteItemsCommand']);
    const actions = units.writes[0]?.input.TransactItems as { Update?: { Key: { PK: string } } }[];
    expect(actions.filter((action) => action.Update?.Key.PK === `RES#${prod.id}`)).toHaveLength(1);
    expect(await store.getResourceEvaluation(prod.id)).toMatchObject({ evaluatedAt: at(1), seq: 2 });
  });

  it('splits the changes of a resource over transactions of at most 100 actions', async () => {
    // Prepare: 60 findings of one cluster (60 × 2 puts and the counters exceed 100 actions)
    const { repository: store, units } = measuredStore();
    const big = cluster('record-many-checks');
    const checks = Array.from({ length: 60 }, (_, index) => ({
      ...CHECKS.endpointNotPublic,
      checkId: `eks-cluster-synthetic-${String(index).padStart(2, '0')}`,
    }));
    const evaluation = (minutes: number, status: 'FAIL' | 'PASS') =>
      checks.map((check) => finding(check, big, status, at(minutes)));
    // Act
    const opened = await store.applyEvaluation(evaluation(0, 'FAIL'));
    const resolved = await store.applyEvaluation(evaluation(1, 'PASS'));
    // Assess
    expect(new Set(opened.map((change) => change.transition))).toEqual(new Set(['opened']));
    expect(new Set(resolved.map((change) => change.transition))).toEqual(new Set(['resolved']));
    const transactions = units.writes.map((write) => (write.input.TransactItems as unknown[]).length);
    expect(transactions).toHaveLength(4);
    for (const actions of transactions) expect(actions).toBeLessThanOrEqual(100);
    expect(await store.getResourceEvaluation(big.id)).toMatchObject({ evaluatedAt: at(1), seq: 4 });
    const stored = await store.findingsForResource(big.id);
    expect(stored.map((each) => [each.state, each.version])).toEqual(Array(60).fill(['RESOLVED', 2]));
  });

  it('leaves alone a resource that an unchanged evaluation saw after the sweep that missed it', async () => {
    // Prepare: FAIL at 0, unchanged at 40 (only the record moves), a sweep that read at 30
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('record/seen-after-sweep');
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(0))]);
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(40))]);
    // Act
    const changes = await store.resolveMissing({
      accountId: repo.accountId,
      region: repo.region,
      resourceTypes: ['ecr-repository'],
      presentResourceIds: [],
      reason: 'Not found by the sweep',
      at: at(30),
      inScope: (stored) => stored.resourceId === repo.id,
    });
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(['stale']);
    expect((await store.findingsForResource(repo.id))[0]).toMatchObject({ state: 'OPEN', version: 1 });
  });

  it('refuses an evaluation older than the removal of a deleted resource, and reopens on its return', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('record/deleted-and-back');
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(0))]);
    // Act
    const removed = await store.resolveResource(repo.id, 'Repository deleted (DeleteRepository)', {
      at: at(5),
    });
    const removalRecord = await store.getResourceEvaluation(repo.id);
    const late = await store.applyEvaluation([
      finding(CHECKS.scanOnPush, repo, 'FAIL', at(3), 'scan MANUAL'),
    ]);
    const back = await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(9))]);
    // Assess
    expect([removed, late, back].map((changes) => changes[0]?.transition)).toEqual([
      'resolved',
      'stale',
      'reopened',
    ]);
    expect(removalRecord).toMatchObject({ evaluatedAt: at(5), expiresAt: expect.any(Number) });
    const record = await store.getResourceEvaluation(repo.id);
    expect(record).toMatchObject({ evaluatedAt: at(9) });
    expect(record?.expiresAt).toBeUndefined();
  });

  it('ends on the latest of evaluations and a removal racing on one resource', async () => {
    const stores = Array.from({ length: 6 }, () => repositoryOn(dynamo).repository);
    const [reader] = stores as [(typeof stores)[number]];
    for (const [name, removedAt] of [
      ['removal in the middle', 9.5],
      ['removal last', 30],
    ] as const) {
      // Prepare: stored at -1, then 20 evaluations (FAIL/PASS in turn) and a removal at once
      const repo = repository(`record/race-${name.replaceAll(' ', '-')}`);
      const evaluation = (minutes: number, index: number) =>
        finding(
          CHECKS.scanOnPush,
          repo,
          index % 2 === 0 ? 'FAIL' : 'PASS',
          at(minutes),
          `evaluation ${index}`,
        );
      await reader.applyEvaluation([evaluation(-1, 1)]);
      // Act
      await Promise.all([
        ...Array.from({ length: 20 }, (_, index) =>
          stores[index % stores.length]?.applyEvaluation([evaluation(index, index)]),
        ),
        reader.resolveResource(repo.id, 'Repository deleted', { at: at(removedAt) }),
      ]);
      // Assess
      const stored = (await reader.findingsForResource(repo.id))[0] as StoredFinding;
      const history = (await reader.history(stored.id, { limit: 100 })).items.reverse();
      const expected =
        removedAt > 19
          ? { status: 'NOT_APPLICABLE', message: 'Repository deleted' }
          : { status: 'PASS', message: 'evaluation 19' };
      expect(stored, name).toMatchObject(expected);
      // RESOLVED once it failed or was removed; PASSING when no FAIL and no removal was ever stored
      const resolvedOnce = history.some((entry) => entry.status !== 'PASS');
      expect(stored.state, name).toBe(resolvedOnce ? 'RESOLVED' : 'PASSING');
      const times = history.map((entry) => Date.parse(entry.evaluatedAt));
      expect(times, name).toEqual([...times].sort((a, b) => a - b));
      expect(history.map((entry) => entry.version)).toEqual(history.map((_, index) => index + 1));
    }
  });
});
