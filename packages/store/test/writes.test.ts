import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../src/index.js';
import { historyKey } from '../src/keys.js';
import { at, CHECKS, cluster, finding, image, repository } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';
import { shuffled } from './helpers/shuffle.js';

const dynamo = useDynamoDbLocal();
const DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

/** An image whose scan results change over time: every evaluation says something different. */
function imageTimeline(repositoryName: string): Finding[] {
  const scanned = image(repositoryName, DIGEST);
  const check = CHECKS.noCritical;
  return [
    finding(check, scanned, 'FAIL', at(1), 'team/app@sha256:4a1c has 3 CRITICAL findings'),
    finding(check, scanned, 'FAIL', at(2), 'team/app@sha256:4a1c has 2 CRITICAL findings'),
    finding(check, scanned, 'PASS', at(3), 'team/app@sha256:4a1c has no CRITICAL findings'),
    finding(
      check,
      scanned,
      'ERROR',
      at(4),
      'Could not read team/app@sha256:4a1c: scan (ThrottlingException)',
    ),
    finding(check, scanned, 'FAIL', at(5), 'team/app@sha256:4a1c has 1 CRITICAL finding'),
    finding(check, scanned, 'NOT_APPLICABLE', at(6), 'team/app@sha256:4a1c was never scanned'),
    finding(check, scanned, 'FAIL', at(7), 'team/app@sha256:4a1c has 5 CRITICAL findings'),
  ];
}

describe('FindingsRepository writes', () => {
  it('writes no finding when a re-evaluation changes nothing, only the resource record', async () => {
    // Prepare
    const { repository: store, log } = repositoryOn(dynamo);
    const prod = cluster('writes-unchanged');
    await store.applyEvaluation([
      finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(0), 'public to 0.0.0.0/0'),
    ]);
    log.clear();
    // Act
    const changes = await store.applyEvaluation([
      finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(60), 'public to 0.0.0.0/0'),
    ]);
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(['unchanged']);
    expect(log.names()).toEqual(['BatchGetItemCommand', 'UpdateItemCommand']);
    expect(log.writes()[0]?.input.Key).toEqual({ PK: `RES#${prod.id}`, SK: 'EVALUATION' });
    const stored = await store.getFinding(changes[0]?.findingId ?? '');
    expect(stored).toMatchObject({ version: 1, lastEvaluatedAt: at(0) });
    expect(await store.getResourceEvaluation(prod.id)).toMatchObject({ evaluatedAt: at(60), seq: 2 });
  });

  it('writes one finding and one history entry per change, in a single transaction', async () => {
    const { repository: store, log } = repositoryOn(dynamo);
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repository('writes/one-tx'), 'FAIL', at(0))]);
    const writes = log.writes();
    expect(writes.map((write) => write.name)).toEqual(['TransactWriteItemsCommand']);
    const items = (writes[0]?.input.TransactItems ?? []) as { Put?: { Item: { type: string } } }[];
    expect(items.flatMap((item) => (item.Put ? [item.Put.Item.type] : []))).toEqual(['finding', 'history']);
  });

  it('leaves one history entry when the same findings are delivered twice', async () => {
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('writes/duplicate');
    const delivery = [
      finding(CHECKS.scanOnPush, repo, 'FAIL', at(0)),
      finding(CHECKS.tagImmutability, repo, 'PASS', at(0)),
    ];
    await store.applyEvaluation(delivery);
    const second = await store.applyEvaluation(delivery);
    expect(second.map((change) => change.transition)).toEqual(['stale', 'stale']);
    for (const delivered of delivery) {
      const history = await store.history(delivered.id);
      expect(history.items).toHaveLength(1);
    }
  });

  it('ignores an evaluation older than the stored one', async () => {
    const { repository: store, log } = repositoryOn(dynamo);
    const repo = repository('writes/late');
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'PASS', at(10))]);
    log.clear();
    const late = await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(5))]);
    expect(late[0]).toMatchObject({ transition: 'stale', status: 'PASS', state: 'PASSING', version: 1 });
    expect(log.writes()).toEqual([]);
  });

  it('converges to the latest evaluation whatever order the evaluations arrive in', async () => {
    const { repository: store } = repositoryOn(dynamo);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      // Prepare
      const timeline = imageTimeline(`writes/shuffled-${seed}`);
      const latest = timeline.at(-1) as Finding;
      // Act
      for (const evaluation of shuffled(timeline, seed)) await store.applyEvaluation([evaluation]);
      // Assess
      const stored = await store.getFinding(latest.id);
      expect(stored, `seed ${seed}`).toMatchObject({
        status: latest.status,
        message: latest.message,
        lastEvaluatedAt: latest.evaluatedAt,
        state: 'OPEN',
      });
      const history = await store.history(latest.id);
      const times = history.items.map((entry) => entry.evaluatedAt).reverse();
      expect(times, `seed ${seed}`).toEqual([...times].sort());
      expect(history.items.map((entry) => entry.version)).toEqual(
        Array.from({ length: stored?.version ?? 0 }, (_, index) => (stored?.version ?? 0) - index),
      );
    }
  });

  it('ends with one consistent finding when evaluations of one resource run concurrently', async () => {
    // Prepare
    const repo = repository('writes/concurrent');
    const evaluations = Array.from({ length: 12 }, (_, index) => [
      finding(CHECKS.scanOnPush, repo, index % 2 === 0 ? 'FAIL' : 'PASS', at(index), `evaluation ${index}`),
      finding(CHECKS.tagImmutability, repo, 'FAIL', at(index), `tags of evaluation ${index}`),
    ]);
    const stores = evaluations.map(() => repositoryOn(dynamo).repository);
    // Act
    await Promise.all(evaluations.map((findings, index) => stores[index]?.applyEvaluation(findings)));
    // Assess
    const [store] = stores;
    const stored = await store?.findingsForResource(repo.id);
    expect(stored?.map((each) => [each.checkId, each.message, each.lastEvaluatedAt])).toEqual([
      [CHECKS.scanOnPush.checkId, 'evaluation 11', at(11)],
      [CHECKS.tagImmutability.checkId, 'tags of evaluation 11', at(11)],
    ]);
    for (const each of stored ?? []) {
      const history = await store?.history(each.id);
      const versions = history?.items.map((entry) => entry.version) ?? [];
      expect(versions).toEqual(Array.from({ length: each.version }, (_, index) => each.version - index));
      const times = history?.items.map((entry) => entry.evaluatedAt).reverse() ?? [];
      expect(new Set(times).size).toBe(times.length);
      expect(times).toEqual([...times].sort());
    }
  });

  it('writes once when identical evaluations race', async () => {
    const repo = repository('writes/identical-race');
    const evaluation = [finding(CHECKS.scanOnPush, repo, 'FAIL', at(0))];
    const stores = Array.from({ length: 8 }, () => repositoryOn(dynamo).repository);
    const results = await Promise.all(stores.map((store) => store.applyEvaluation(evaluation)));
    const transitions = results.flat().map((change) => change.transition);
    expect(transitions.filter((transition) => transition === 'opened')).toHaveLength(1);
    expect(transitions.filter((transition) => transition !== 'opened')).toEqual(Array(7).fill('stale'));
    expect((await stores[0]?.history(evaluation[0]?.id ?? ''))?.items).toHaveLength(1);
  });

  it('sets the history entries to expire after the configured number of days', async () => {
    const clock = () => new Date('2026-11-20T10:00:00.000Z');
    const { repository: store } = repositoryOn(dynamo, { historyTtlDays: 30, clock });
    const [change] = await store.applyEvaluation([
      finding(CHECKS.scanOnPush, repository('writes/ttl'), 'FAIL', at(0)),
    ]);
    const { Item } = await DynamoDBDocumentClient.from(localDynamoClient(dynamo.endpoint)).send(
      new GetCommand({ TableName: dynamo.tableName, Key: historyKey(change?.findingId ?? '', 1) }),
    );
    expect(Item?.expiresAt).toBe(Date.parse('2026-12-20T10:00:00.000Z') / 1000);
    // The TTL is the table's: the entry as read carries none.
    const [entry] = (await store.history(change?.findingId ?? '')).items;
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('expiresAt');
  });
});

describe('FindingsRepository faults', () => {
  /** Makes the first `times` attempts of TransactWriteItems fail below the SDK's retry strategy. */
  function failTransactions(times: number, error: () => Error, maxAttempts = 3) {
    const client = localDynamoClient(dynamo.endpoint, { maxAttempts });
    const attempts = { count: 0 };
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
        attempts.count++;
        if (attempts.count <= times) throw error();
        return next(args);
      },
      { step: 'deserialize', name: 'failTransactions' },
    );
    return { client, attempts };
  }
  const throttled = () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

  it('retries throttled and dropped calls with the SDK retry strategy', async () => {
    for (const [fault, name] of [
      [throttled, 'throttled'],
      [dropped, 'dropped'],
    ] as const) {
      const { client, attempts } = failTransactions(2, fault);
      const { repository: store } = repositoryOn(dynamo, {}, client);
      const changes = await store.applyEvaluation([
        finding(CHECKS.scanOnPush, repository(`faults/${name}`), 'FAIL', at(0)),
      ]);
      expect(changes[0]?.transition, name).toBe('opened');
      expect(attempts.count, name).toBe(3);
    }
  });

  it('throws when a write still fails after the last attempt', async () => {
    const { client, attempts } = failTransactions(Number.POSITIVE_INFINITY, throttled, 2);
    const { repository: store } = repositoryOn(dynamo, {}, client);
    const evaluation = [finding(CHECKS.scanOnPush, repository('faults/never'), 'FAIL', at(0))];
    const applying = store.applyEvaluation(evaluation);
    await expect(applying).rejects.toThrow(StoreWriteError);
    await expect(applying).rejects.toThrow(/1 of 1 resources could not be stored \(ThrottlingException/);
    expect(attempts.count).toBe(2);
    expect(await store.getFinding(evaluation[0]?.id ?? '')).toBeUndefined();
  });
});
