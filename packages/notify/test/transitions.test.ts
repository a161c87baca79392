import { describe, expect, it } from 'vitest';
import { transitionFromStreamRecord, transitionsFromStreamRecords } from '../src/index.js';
import { storedFinding, streamRecord } from './helpers/transitions.js';

describe('transitionsFromStreamRecords', () => {
  it('reads opened, reopened, resolved, suppressed and severity changes as the store marks them, with the finding, its version and the state before', () => {
    // Prepare
    const open = storedFinding({ version: 1 });
    const resolved = storedFinding({
      version: 2,
      state: 'RESOLVED',
      status: 'PASS',
      message: 'scans on push',
    });
    const reopened = storedFinding({ version: 3 });
    const critical = storedFinding({ version: 4, severity: 'critical' });
    const suppressed = storedFinding({ version: 5, state: 'SUPPRESSED', severity: 'critical' });
    const fixed = storedFinding({ version: 6, state: 'RESOLVED', status: 'PASS', severity: 'critical' });
    // Act
    const transitions = transitionsFromStreamRecords([
      streamRecord(undefined, open),
      streamRecord(open, resolved),
      streamRecord(resolved, reopened),
      streamRecord(reopened, critical),
      streamRecord(critical, suppressed),
      streamRecord(suppressed, fixed),
    ]);
    // Assess
    expect(transitions.map(({ kind, version, previousState }) => ({ kind, version, previousState }))).toEqual(
      [
        { kind: 'opened', version: 1, previousState: undefined },
        { kind: 'resolved', version: 2, previousState: 'OPEN' },
        { kind: 'reopened', version: 3, previousState: 'RESOLVED' },
        { kind: 'severity-changed', version: 4, previousState: 'OPEN' },
        { kind: 'suppressed', version: 5, previousState: 'OPEN' },
        { kind: 'resolved', version: 6, previousState: 'SUPPRESSED' },
      ],
    );
    expect(transitions[3]?.previousSeverity).toBe('high');
    expect(transitions[0]?.finding).toEqual(open);
    expect(transitions[0]?.finding).not.toHaveProperty('PK');
    expect(transitions[0]?.finding).not.toHaveProperty('GSI1PK');
    expect(transitions[0]?.finding).not.toHaveProperty('transition');
    expect(transitions[0]?.finding).not.toHaveProperty('notify');
  });

  it("takes the kind from the store's mark, never from comparing the images", () => {
    // Prepare: two rewrites of an open finding, the same images, marked differently
    const open = storedFinding({ version: 1 });
    const reworded = storedFinding({ version: 2, message: 'Repository team/payments-api scans manually' });
    // Act
    const transitions = transitionsFromStreamRecords([
      streamRecord(open, reworded, { transition: 'updated', notify: 'severity-changed' }),
      streamRecord(open, reworded, { transition: 'updated' }),
    ]);
    // Assess
    expect(transitions.map(({ kind, previousSeverity }) => ({ kind, previousSeverity }))).toEqual([
      { kind: 'severity-changed', previousSeverity: 'high' },
    ]);
  });

  it('throws on a mark that is no announcement, so that the record is reported as failed', () => {
    const record = streamRecord(undefined, storedFinding(), {
      transition: 'opened',
      notify: 'exploded' as never,
    });
    expect(() => transitionFromStreamRecord(record)).toThrow(/unknown notify mark/);
  });

  it('ignores what is no transition: a new message, a passing finding, errors over an open one, removals', () => {
    // Prepare
    const open = storedFinding({ version: 1 });
    const reworded = storedFinding({
      version: 2,
      message: 'Repository team/payments-api has scanOnPush=false (MANUAL)',
    });
    const errored = storedFinding({ version: 3, state: 'ERROR', status: 'ERROR', stateBeforeError: 'OPEN' });
    const back = storedFinding({ version: 4 });
    const passing = storedFinding({
      id: 'feed0000feed0000feed0000feed0000',
      state: 'PASSING',
      status: 'PASS',
    });
    // Act
    const transitions = transitionsFromStreamRecords([
      streamRecord(open, reworded),
      streamRecord(reworded, errored),
      streamRecord(errored, back),
      streamRecord(undefined, passing),
      streamRecord(back, undefined),
    ]);
    // Assess
    expect(transitions).toEqual([]);
  });

  it('ignores history entries, summary counters and outbox items', () => {
    // Prepare
    const history = streamRecord(undefined, storedFinding());
    history.dynamodb = {
      ...history.dynamodb,
      Keys: { PK: { S: 'F#c0ffee00' }, SK: { S: 'H#0000000001' } },
      NewImage: {
        PK: { S: 'F#c0ffee00' },
        SK: { S: 'H#0000000001' },
        type: { S: 'history' },
        state: { S: 'OPEN' },
      },
    };
    const counter = streamRecord(undefined, storedFinding());
    counter.dynamodb = {
      ...counter.dynamodb,
      Keys: { PK: { S: 'SUMMARY' }, SK: { S: 'severity#high#3' } },
      NewImage: { PK: { S: 'SUMMARY' }, SK: { S: 'severity#high#3' }, FAIL: { N: '4' } },
    };
    // Act & Assess
    expect(transitionsFromStreamRecords([history, counter])).toEqual([]);
  });

  it('throws on a finding item it cannot read, so that the record is reported as failed', () => {
    // Prepare
    const record = streamRecord(undefined, storedFinding());
    const image = { ...record.dynamodb?.NewImage };
    delete image.version;
    record.dynamodb = { ...record.dynamodb, NewImage: image };
    // Act & Assess
    expect(() => transitionFromStreamRecord(record)).toThrow(/has no id, version or state/);
  });
});
