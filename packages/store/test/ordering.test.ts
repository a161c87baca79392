import type { Finding } from '@customs/core';
import { localDynamoClient, useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { storeContext } from '../src/context.js';
import {
  decideEvaluation,
  evaluationDigest,
  type FindingsRepository,
  type StoredFinding,
} from '../src/index.js';
import { applyResourceWrite } from '../src/write-resource.js';
import { at, CHECKS, cluster, finding, type ResourceMeta } from './helpers/findings.js';
import { holdFirst, repositoryOn } from './helpers/repository.js';
import { seededRandom, shuffled } from './helpers/shuffle.js';

const dynamo = useDynamoDbLocal();
const WRITERS = 50;
const TRIALS = 24;
const PUBLIC = 'endpoint public to 0.0.0.0/0';
const PRIVATE = 'endpoint private (endpointPublicAccess false)';

/** Evaluation `index` of the flip scenario: FAIL (public) and PASS (private) in turn. */
function flip(resource: ResourceMeta, index: number, trial: number): Finding {
  const failing = (index + trial) % 2 === 0;
  const status = failing ? 'FAIL' : 'PASS';
  return finding(CHECKS.endpointNotPublic, resource, status, at(index), failing ? PUBLIC : PRIVATE);
}

/** The history of a finding is one entry per version, oldest evaluation first, each a real change. */
async function expectConsistentHistory(store: FindingsRepository, stored: StoredFinding, label: string) {
  const entries = (await store.history(stored.id, { limit: 1000 })).items.reverse();
  expect(
    entries.map((entry) => entry.version),
    label,
  ).toEqual(Array.from({ length: stored.version }, (_, index) => index + 1));
  const times = entries.map((entry) => Date.parse(entry.evaluatedAt));
  expect(times, label).toEqual([...times].sort((a, b) => a - b));
  expect(new Set(times).size, label).toBe(times.length);
  for (const [index, entry] of entries.entries()) {
    expect(entry.message, label).toBe(entry.status === 'FAIL' ? PUBLIC : PRIVATE);
    if (index > 0)
      expect(entry.status, `${label}: version ${entry.version}`).not.toBe(entries[index - 1]?.status);
  }
  expect(entries.at(-1)).toMatchObject({ status: stored.status, message: stored.message });
}

describe('ordering: a late, older evaluation never overwrites a newer one', () => {
  it(`ends on the latest of ${WRITERS} concurrent flipping evaluations, in each of ${TRIALS} shuffled trials`, async () => {
    const stores = Array.from({ length: 10 }, () => repositoryOn(dynamo).repository);
    const [reader] = stores as [FindingsRepository];
    for (let trial = 0; trial < TRIALS; trial++) {
      // Prepare: 50 evaluations of one cluster, its endpoint flipping public / private
      const prod = cluster(`ordering-flip-${trial}`);
      const evaluations = Array.from({ length: WRITERS }, (_, index) => flip(prod, index, trial));
      const latest = evaluations.at(-1) as Finding;
      const random = seededRandom(1000 + trial);
      // Act: every writer at once, in a shuffled order, each after a random pause of up to 15 ms
      const outcomes = await Promise.allSettled(
        shuffled(evaluations, trial, random).map(async (evaluation, index) => {
          await new Promise((wake) => setTimeout(wake, random() * 15));
          return stores[index % stores.length]?.applyEvaluation([evaluation]);
        }),
      );
      // Assess
      const label = `trial ${trial}`;
      expect(
        outcomes.filter((outcome) => outcome.status === 'rejected'),
        label,
      ).toEqual([]);
      const stored = (await reader.getFinding(latest.id)) as StoredFinding;
      expect(stored, label).toMatchObject({ status: latest.status, message: latest.message });
      expect(stored.state, label).toBe(
        latest.status === 'FAIL' ? 'OPEN' : stored.version > 1 ? 'RESOLVED' : 'PASSING',
      );
      expect(await reader.getResourceEvaluation(prod.id), label).toMatchObject({
        evaluatedAt: latest.evaluatedAt,
        digest: evaluationDigest([latest]),
      });
      await expectConsistentHistory(reader, stored, label);
    }
    // The summary counters moved exactly with the findings
    const listed = (await reader.listFindings({ resourceType: 'eks-cluster', limit: 1000 })).items;
    const { resourceType } = await reader.summary();
    expect(resourceType['eks-cluster']).toMatchObject({
      FAIL: listed.filter((each) => each.status === 'FAIL').length,
      PASS: listed.filter((each) => each.status === 'PASS').length,
      total: listed.length,
    });
  }, 240_000);

  it('refuses an older changed evaluation whose write was held back until a newer unchanged one was stored', async () => {
    // Prepare: stored FAIL at 0; an older writer (PASS at 1) holds its transaction back
    const prod = cluster('ordering-held-older');
    const { repository: store } = repositoryOn(dynamo);
    await store.applyEvaluation([finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(0), PUBLIC)]);
    const client = localDynamoClient(dynamo.endpoint);
    const held = holdFirst(client, 'TransactWriteItemsCommand');
    const { repository: older } = repositoryOn(dynamo, {}, client);
    const applyingOlder = older.applyEvaluation([
      finding(CHECKS.endpointNotPublic, prod, 'PASS', at(1), PRIVATE),
    ]);
    await held.arrived;
    // Act: the newer evaluation (FAIL at 2, as stored) completes, then the older one's write goes on
    const newer = await store.applyEvaluation([
      finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(2), PUBLIC),
    ]);
    held.release();
    const late = await applyingOlder;
    // Assess
    expect(newer.map((change) => change.transition)).toEqual(['unchanged']);
    expect(late.map((change) => change.transition)).toEqual(['stale']);
    const stored = (await store.findingsForResource(prod.id))[0];
    expect(stored).toMatchObject({ status: 'FAIL', state: 'OPEN', message: PUBLIC, version: 1 });
    expect(await store.getResourceEvaluation(prod.id)).toMatchObject({ evaluatedAt: at(2) });
  });

  it('decides a newer unchanged evaluation again when an older change landed after it read', async () => {
    // Prepare: stored FAIL at 0; the newer writer (FAIL at 2) has read, and holds its record write
    const prod = cluster('ordering-held-newer');
    const { repository: store } = repositoryOn(dynamo);
    await store.applyEvaluation([finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(0), PUBLIC)]);
    const client = localDynamoClient(dynamo.endpoint);
    const held = holdFirst(client, 'UpdateItemCommand');
    const { repository: newer } = repositoryOn(dynamo, {}, client);
    const applyingNewer = newer.applyEvaluation([
      finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(2), PUBLIC),
    ]);
    await held.arrived;
    // Act: the older change (PASS at 1) is stored first, then the newer one's write goes on
    const older = await store.applyEvaluation([
      finding(CHECKS.endpointNotPublic, prod, 'PASS', at(1), PRIVATE),
    ]);
    held.release();
    const last = await applyingNewer;
    // Assess
    expect(older.map((change) => change.transition)).toEqual(['resolved']);
    expect(last.map((change) => change.transition)).toEqual(['reopened']);
    const stored = (await store.findingsForResource(prod.id))[0] as StoredFinding;
    expect(stored).toMatchObject({ status: 'FAIL', state: 'OPEN', lastEvaluatedAt: at(2), version: 3 });
    await expectConsistentHistory(store, stored, 'held newer');
  });

  it('reads again when the findings were read before a write that the record was read after', async () => {
    // Prepare: FAIL at 0 (version 1), then PASS at 1 (version 2, kept in the record's versions)
    const prod = cluster('ordering-read-before');
    const { repository: store } = repositoryOn(dynamo);
    const failing = finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(0), PUBLIC);
    await store.applyEvaluation([failing]);
    const [before] = await store.findingsForResource(prod.id);
    await store.applyEvaluation([finding(CHECKS.endpointNotPublic, prod, 'PASS', at(1), PRIVATE)]);
    const record = await store.getResourceEvaluation(prod.id);
    // The one BatchGetItem read the record after the PASS but the finding before it
    const read = { record, stored: new Map([[failing.id, before as StoredFinding]]) };
    const again = { ...failing, evaluatedAt: at(2) };
    const write = {
      resourceId: prod.id,
      stamp: { evaluatedAt: at(2), digest: evaluationDigest([again]) },
      findingIds: [failing.id],
      decide: (_id: string, current: StoredFinding | undefined) => decideEvaluation(current, again),
    };
    // Act: a newer FAIL, which that read would take for unchanged
    const applied = await applyResourceWrite(
      storeContext({ client: dynamo.client, tableName: dynamo.tableName }),
      write,
      read,
    );
    // Assess
    expect(record?.versions).toEqual({ [failing.id]: 2 });
    expect(applied.get(failing.id)?.decision.transition).toBe('reopened');
    expect(await store.getFinding(failing.id)).toMatchObject({ status: 'FAIL', state: 'OPEN', version: 3 });
  });

  it('breaks a tie of evaluatedAt by the greater digest, whatever the arrival order', async () => {
    const { repository: store } = repositoryOn(dynamo);
    for (const [name, concurrent] of [
      ['fail-first', false],
      ['pass-first', false],
      ['together', true],
    ] as const) {
      // Prepare: two different evaluations of one cluster at the same time
      const prod = cluster(`ordering-tie-${name}`);
      const failing = finding(CHECKS.endpointNotPublic, prod, 'FAIL', at(0), PUBLIC);
      const passing = finding(CHECKS.endpointNotPublic, prod, 'PASS', at(0), PRIVATE);
      const winner = evaluationDigest([failing]) > evaluationDigest([passing]) ? failing : passing;
      const arrivals = name === 'pass-first' ? [passing, failing] : [failing, passing];
      // Act
      if (concurrent) await Promise.all(arrivals.map((evaluation) => store.applyEvaluation([evaluation])));
      else for (const evaluation of arrivals) await store.applyEvaluation([evaluation]);
      // Assess
      const stored = await store.getFinding(winner.id);
      expect(stored, name).toMatchObject({ status: winner.status, message: winner.message });
      expect((await store.getResourceEvaluation(prod.id))?.digest, name).toBe(evaluationDigest([winner]));
    }
  });
});
