import { matchesEventPattern, validateEventPattern } from '@customs/events';
import { StreamPoller } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { transitionFromStreamRecord, transitionsFromStreamRecords } from '@customs/notify';
import { FindingsRepository, SuppressionsRepository } from '@customs/store';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { FINDING_TRANSITION_FILTERS } from '../../infra/stream-filter.js';
import { storedFinding, streamRecord } from '../../packages/notify/test/helpers/transitions.js';
import { at, CHECKS, cluster, finding, repository } from '../../packages/store/test/helpers/findings.js';

/** The comparison operators of Lambda's filter rule syntax (invocation-eventfiltering.html). */
const LAMBDA_OPERATORS = new Set([
  'anything-but',
  'numeric',
  'exists',
  'prefix',
  'suffix',
  'equals-ignore-case',
]);

function passes(record: unknown): boolean {
  return FINDING_TRANSITION_FILTERS.some((filter) => matchesEventPattern(filter, record));
}

/** Every operator object in a pattern (the values of a leaf's array that are objects). */
function operatorsOf(node: unknown): string[] {
  if (Array.isArray(node)) {
    return node.flatMap((value) => (value !== null && typeof value === 'object' ? Object.keys(value) : []));
  }
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => (key.startsWith('$') ? [key] : operatorsOf(value)));
  }
  return [];
}

const dynamo = useDynamoDbLocal();

/** Reads every record of the table's stream, and those the deployed filter lets through. */
async function readStream(): Promise<{ all: DynamoDBRecord[]; passed: DynamoDBRecord[] }> {
  const all: DynamoDBRecord[] = [];
  const passed: DynamoDBRecord[] = [];
  const reader = (records: DynamoDBRecord[]) => async (event: DynamoDBStreamEvent) => {
    records.push(...event.Records);
    return { batchItemFailures: [] };
  };
  for (const [records, filters] of [
    [all, undefined],
    [passed, FINDING_TRANSITION_FILTERS],
  ] as const) {
    const poller = new StreamPoller({ ...dynamo, handler: reader(records), ...(filters ? { filters } : {}) });
    await poller.drain();
    await poller.stop();
  }
  return { all, passed };
}

describe('infra/stream-filter', () => {
  it("is at most five valid patterns in Lambda's filter syntax (no $or)", () => {
    expect(FINDING_TRANSITION_FILTERS.length).toBeLessThanOrEqual(5);
    for (const filter of FINDING_TRANSITION_FILTERS) {
      expect(() => validateEventPattern(filter)).not.toThrow();
      for (const operator of operatorsOf(filter)) expect(LAMBDA_OPERATORS).toContain(operator);
    }
  });

  it('passes exactly the writes the store marks for the fan-out, and drops the rest, on the real stream', async () => {
    // Prepare: a finding through its whole life, written by the store on DynamoDB Local
    const store = new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName });
    const suppressions = new SuppressionsRepository({
      client: dynamo.client,
      tableName: dynamo.tableName,
      clock: () => new Date(at(32)),
    });
    const prod = cluster('filter-prod');
    const check = CHECKS.endpointNotPublic;
    const critical = { ...check, severity: 'critical' } as const;
    const verdicts = [
      finding(check, prod, 'FAIL', at(0), 'public to 0.0.0.0/0'), // opened
      finding(check, prod, 'FAIL', at(5), 'public to 0.0.0.0/0 and ::/0'), // a new message only
      finding(critical, prod, 'FAIL', at(10), 'public to 0.0.0.0/0 and ::/0'), // severity changed
      finding(critical, prod, 'ERROR', at(15), 'Could not read prod: ThrottlingException'), // an error, open
      finding(critical, prod, 'PASS', at(20), 'private endpoint'), // resolved
      finding(critical, prod, 'PASS', at(25), 'private endpoint, 2 CIDRs'), // a new message only
      finding(critical, prod, 'FAIL', at(30), 'public to ::/0'), // reopened
    ];
    // Act
    for (const verdict of verdicts) await store.applyEvaluation([verdict]);
    await suppressions.create(
      { checkId: check.checkId, reason: 'Migration', owner: 'platform', expiresAt: at(600) },
      'alice',
    ); // suppressed
    await store.applyEvaluation([finding(critical, prod, 'FAIL', at(35), 'public to ::/0 (2)')]); // still suppressed
    await store.resolveResource(prod.id, 'Cluster deleted', { at: at(40) }); // resolved
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repository('filter/app'), 'PASS', at(0))]); // created
    const { all, passed } = await readStream();

    // Assess
    const kinds = transitionsFromStreamRecords(passed).map(({ kind, version }) => [kind, version]);
    expect(kinds).toEqual([
      ['opened', 1],
      ['severity-changed', 3],
      ['resolved', 5],
      ['reopened', 7],
      ['suppressed', 8],
      ['resolved', 10],
    ]);
    expect(passed.length).toBe(kinds.length);
    const findingWrites = all.filter((record) => record.dynamodb?.NewImage?.type?.S === 'finding');
    expect(findingWrites.length).toBe(11);
    // The stream held evaluation records, history entries, counters and the suppression: none passed.
    const kindsOfItems = new Set(all.map((record) => record.dynamodb?.Keys?.SK?.S?.replace(/#.*/, '')));
    for (const sk of ['EVALUATION', 'H', 'severity', 'SUPPRESSION']) expect(kindsOfItems).toContain(sk);
  });

  it('drops a message-only rewrite of an open finding, which the store marks with its transition only', () => {
    // Prepare
    const open = storedFinding({ version: 1 });
    const reworded = streamRecord(open, storedFinding({ version: 2, message: 'public to ::/0' }));

    // Act + Assess
    expect(reworded.dynamodb?.NewImage?.transition).toEqual({ S: 'updated' });
    expect(passes(reworded)).toBe(false);
    expect(transitionFromStreamRecord(reworded)).toBeUndefined();
  });

  it('drops history entries, summary counters, outbox items, evaluation records and removals', () => {
    // Prepare
    const opened = streamRecord(undefined, storedFinding({ version: 1 }));
    const image = (item: Record<string, string>) =>
      Object.fromEntries(Object.entries(item).map(([name, value]) => [name, { S: value }]));
    const history = { PK: 'F#c0ffee00', SK: 'H#0000000004', type: 'history', transition: 'opened' };
    const counter = { PK: 'SUMMARY', SK: 'severity#medium#3', dimension: 'severity' };
    const outbox = { PK: 'O#c0ffee00', SK: 'slack:3f2a#0000000001', type: 'outbox', state: 'OPEN' };
    // A resource's evaluation record, written by every evaluation (packages/store, keys.ts)
    const evaluation = {
      PK: 'RES#arn:aws:eks:eu-west-1:111122223333:cluster/prod',
      SK: 'EVALUATION',
      type: 'evaluation',
      evaluatedAt: '2026-11-20T10:00:00.000Z',
    };
    const records = [history, counter, outbox, evaluation].map((item) => ({
      ...opened,
      dynamodb: { ...opened.dynamodb, Keys: image({ PK: item.PK, SK: item.SK }), NewImage: image(item) },
    }));
    const removed = streamRecord(storedFinding({ version: 2 }), undefined);

    // Act + Assess
    expect(passes(opened)).toBe(true);
    expect([...records, removed].filter(passes)).toEqual([]);
    for (const record of records) expect(transitionFromStreamRecord(record)).toBeUndefined();
  });
});
