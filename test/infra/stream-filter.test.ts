import { matchesEventPattern, validateEventPattern } from '@customs/events';
import type { FindingState } from '@customs/store';
import { describe, expect, it } from 'vitest';
import { FINDING_TRANSITION_FILTERS } from '../../infra/stream-filter.js';

type AttributeValue = { S: string } | { N: string };
type Item = Record<string, string | number>;

/** An item as a stream record carries it (DynamoDB JSON). */
function image(item: Item): Record<string, AttributeValue> {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [
      name,
      typeof value === 'number' ? { N: String(value) } : { S: value },
    ]),
  );
}

/** A record of a NEW_AND_OLD_IMAGES stream, in the shape of Lambda's DynamoDB event (AWS docs). */
function streamRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', before?: Item, after?: Item) {
  const item = after ?? before ?? {};
  return {
    eventID: 'c4ca4238a0b923820dcc509a6f75849b',
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_767_225_600,
      Keys: image({ PK: String(item.PK), SK: String(item.SK) }),
      ...(after ? { NewImage: image(after) } : {}),
      ...(before ? { OldImage: image(before) } : {}),
      SequenceNumber: '4421584500000000017450439091',
      SizeBytes: 412,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN:
      'arn:aws:dynamodb:eu-west-1:111122223333:table/customs-prod-FindingsTable/stream/2026-01-01T00:00:00.000',
  };
}

function finding(state: FindingState, version: number, message = 'Image scan on push is disabled'): Item {
  return {
    PK: 'F#ecr-repository-scan-on-push#arn:aws:ecr:eu-west-1:111122223333:repository/team/app',
    SK: 'FINDING',
    type: 'finding',
    checkId: 'ecr-repository-scan-on-push',
    state,
    status: state === 'OPEN' ? 'FAIL' : 'PASS',
    severity: 'medium',
    message,
    version,
  };
}

function passes(record: unknown): boolean {
  return FINDING_TRANSITION_FILTERS.some((filter) => matchesEventPattern(filter, record));
}

describe('infra/stream-filter', () => {
  it('is at most five valid patterns, the Lambda default quota per event source mapping', () => {
    expect(FINDING_TRANSITION_FILTERS.length).toBeLessThanOrEqual(5);
    for (const filter of FINDING_TRANSITION_FILTERS) expect(() => validateEventPattern(filter)).not.toThrow();
  });

  it('passes a new finding', () => {
    expect(passes(streamRecord('INSERT', undefined, finding('OPEN', 1)))).toBe(true);
  });

  it.each<[FindingState, FindingState]>([
    ['PASSING', 'OPEN'],
    ['RESOLVED', 'OPEN'],
    ['OPEN', 'RESOLVED'],
    ['OPEN', 'ERROR'],
    ['ERROR', 'OPEN'],
    ['ERROR', 'PASSING'],
  ])('passes a finding going from %s to %s', (before, after) => {
    expect(passes(streamRecord('MODIFY', finding(before, 3), finding(after, 4)))).toBe(true);
  });

  it('drops a rewrite that keeps the state, such as a new message on an open finding', () => {
    // Prepare
    const record = streamRecord('MODIFY', finding('OPEN', 3), finding('OPEN', 4, 'Scan on push is off'));

    // Act + Assess
    expect(passes(record)).toBe(false);
  });

  it('drops a never-failing finding switching between PASSING and NOT_APPLICABLE', () => {
    expect(passes(streamRecord('MODIFY', finding('PASSING', 1), finding('NOT_APPLICABLE', 2)))).toBe(false);
  });

  it('drops history entries, summary counters and removals', () => {
    // Prepare
    const history = {
      PK: 'F#ecr-repository-scan-on-push#arn:aws:ecr:eu-west-1:111122223333:repository/team/app',
      SK: 'H#0000000004',
      type: 'history',
      state: 'OPEN',
      transition: 'opened',
      expiresAt: 1_775_001_600,
    };
    const counterBefore = { PK: 'SUMMARY', SK: 'severity#medium#3', dimension: 'severity', FAIL: 2 };
    const counterAfter = { ...counterBefore, FAIL: 3 };

    // Act + Assess
    expect(passes(streamRecord('INSERT', undefined, history))).toBe(false);
    expect(passes(streamRecord('MODIFY', counterBefore, counterAfter))).toBe(false);
    expect(passes(streamRecord('REMOVE', finding('PASSING', 2)))).toBe(false);
  });
});
