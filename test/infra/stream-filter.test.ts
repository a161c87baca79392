import { matchesEventPattern, validateEventPattern } from '@customs/events';
import { type NotifiedFinding, transitionFromStreamRecord } from '@customs/notify';
import type { FindingState } from '@customs/store';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { FINDING_TRANSITION_FILTERS } from '../../infra/stream-filter.js';
import { storedFinding, streamRecord } from '../../packages/notify/test/helpers/transitions.js';

const STATES: FindingState[] = ['OPEN', 'SUPPRESSED', 'RESOLVED', 'PASSING', 'NOT_APPLICABLE', 'ERROR'];
const BASE_STATES = STATES.filter((state) => state !== 'ERROR') as Exclude<FindingState, 'ERROR'>[];

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

/** A stored finding in `state` (an ERROR remembers the state before it), severity and version. */
function stored(state: FindingState, version: number, extra: Partial<NotifiedFinding> = {}): NotifiedFinding {
  return storedFinding({
    id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    state,
    status: state === 'OPEN' || state === 'SUPPRESSED' ? 'FAIL' : state === 'ERROR' ? 'ERROR' : 'PASS',
    version,
    ...extra,
  });
}

type Variant = { state: FindingState; label: string; stateBeforeError?: Exclude<FindingState, 'ERROR'> };

const VARIANTS: Variant[] = STATES.flatMap((state): Variant[] =>
  state === 'ERROR'
    ? BASE_STATES.map((before) => ({ state, label: `ERROR(${before})`, stateBeforeError: before }))
    : [{ state, label: state }],
);

/** The store enters ERROR remembering the state before it (lifecycle.ts): ERROR(X) only after X or ERROR(X). */
function reachable(before: Variant | undefined, after: Variant): boolean {
  if (after.state !== 'ERROR') return true;
  const base = before?.state === 'ERROR' ? before.stateBeforeError : before?.state;
  return after.stateBeforeError === base;
}

/** Every change of a finding item the store can write: each state to each, severities kept or changed. */
function everyChange(): { name: string; record: DynamoDBRecord }[] {
  const changes: { name: string; record: DynamoDBRecord }[] = [];
  for (const after of [...VARIANTS, { state: 'ERROR', label: 'ERROR' } as Variant]) {
    for (const severity of ['high', 'critical'] as const) {
      const next = stored(after.state, 2, { severity, ...after });
      if (reachable(undefined, after))
        changes.push({ name: `new ${after.label} ${severity}`, record: streamRecord(undefined, next) });
      for (const before of VARIANTS.filter((each) => reachable(each, after))) {
        const previous = stored(before.state, 1, { severity: 'high', ...before });
        const name = `${before.label} high → ${after.label} ${severity}`;
        changes.push({ name, record: streamRecord(previous, next) });
      }
    }
  }
  return changes;
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

describe('infra/stream-filter', () => {
  it("is at most five valid patterns in Lambda's filter syntax (no $or)", () => {
    expect(FINDING_TRANSITION_FILTERS.length).toBeLessThanOrEqual(5);
    for (const filter of FINDING_TRANSITION_FILTERS) {
      expect(() => validateEventPattern(filter)).not.toThrow();
      for (const operator of operatorsOf(filter)) expect(LAMBDA_OPERATORS).toContain(operator);
    }
  });

  it('passes every change of a finding that on-finding-change turns into a notification', () => {
    // Prepare
    const notified = everyChange().filter(({ record }) => transitionFromStreamRecord(record) !== undefined);

    // Act
    const dropped = notified.filter(({ record }) => !passes(record)).map(({ name }) => name);

    // Assess
    expect(notified.length).toBeGreaterThan(20);
    expect(dropped).toEqual([]);
  });

  it.each<[FindingState, FindingState]>([
    ['OPEN', 'SUPPRESSED'],
    ['PASSING', 'SUPPRESSED'],
    ['SUPPRESSED', 'OPEN'],
    ['SUPPRESSED', 'RESOLVED'],
    ['OPEN', 'RESOLVED'],
    ['RESOLVED', 'OPEN'],
  ])('passes a finding going from %s to %s', (before, after) => {
    expect(passes(streamRecord(stored(before, 3), stored(after, 4)))).toBe(true);
  });

  it('passes a severity change of an open finding', () => {
    // Prepare
    const record = streamRecord(stored('OPEN', 3), stored('OPEN', 4, { severity: 'critical' }));

    // Act + Assess
    expect(transitionFromStreamRecord(record)?.kind).toBe('severity-changed');
    expect(passes(record)).toBe(true);
  });

  it('drops changes nobody is told about: passing ↔ not applicable, resolved again, into an error', () => {
    // Prepare
    const quiet = [
      streamRecord(stored('PASSING', 1), stored('NOT_APPLICABLE', 2)),
      streamRecord(stored('NOT_APPLICABLE', 1), stored('PASSING', 2)),
      streamRecord(stored('RESOLVED', 1), stored('RESOLVED', 2, { message: 'Deleted' })),
      streamRecord(stored('SUPPRESSED', 1), stored('SUPPRESSED', 2, { message: 'Still failing' })),
      streamRecord(stored('RESOLVED', 1), stored('ERROR', 2, { stateBeforeError: 'RESOLVED' })),
      streamRecord(undefined, stored('PASSING', 1)),
    ];

    // Act + Assess
    for (const record of quiet) expect(transitionFromStreamRecord(record)).toBeUndefined();
    expect(quiet.filter(passes)).toEqual([]);
  });

  it('drops history entries, summary counters, outbox items, evaluation records and removals', () => {
    // Prepare
    const opened = streamRecord(undefined, stored('OPEN', 1));
    const image = (item: Record<string, string>) =>
      Object.fromEntries(Object.entries(item).map(([name, value]) => [name, { S: value }]));
    const history = { PK: 'F#c0ffee00', SK: 'H#0000000004', type: 'history', state: 'OPEN' };
    const counter = { PK: 'SUMMARY', SK: 'severity#medium#3', dimension: 'severity' };
    const outbox = { PK: 'O#c0ffee00', SK: 'slack:3f2a#0000000001', type: 'outbox', state: 'OPEN' };
    // A resource's evaluation record, written by every evaluation (packages/store, keys.ts)
    const evaluation = {
      PK: 'RES#arn:aws:eks:eu-west-1:111122223333:cluster/prod',
      SK: 'EVALUATION',
      type: 'evaluation',
      evaluatedAt: '2026-11-20T10:00:00.000Z',
      state: 'OPEN',
    };
    const records = [history, counter, outbox, evaluation].map((item) => ({
      ...opened,
      dynamodb: { ...opened.dynamodb, Keys: image({ PK: item.PK, SK: item.SK }), NewImage: image(item) },
    }));
    const removed = streamRecord(stored('OPEN', 2), undefined);

    // Act + Assess
    expect([...records, removed].filter(passes)).toEqual([]);
    for (const record of records) expect(transitionFromStreamRecord(record)).toBeUndefined();
  });
});
