import { describe, expect, it } from 'vitest';
import { STATUSES } from '../src/constants.js';
import {
  ANNOUNCEMENTS,
  type AnnouncedPosition,
  announcementOf,
  type BaseState,
  FINDING_STATES,
  isLifecycleChange,
  LIFECYCLE_CHANGES,
  nextLifecycle,
  TRANSITIONS,
} from '../src/lifecycle/index.js';

const BASE_STATES = FINDING_STATES.filter((state) => state !== 'ERROR') as BaseState[];

/** Every position a stored finding can be in: none, each state, ERROR over each (or nothing). */
const POSITIONS: (AnnouncedPosition | undefined)[] = [
  undefined,
  ...BASE_STATES.map((state): AnnouncedPosition => ({ state, severity: 'high' })),
  { state: 'ERROR', severity: 'high' },
  ...BASE_STATES.map(
    (before): AnnouncedPosition => ({ state: 'ERROR', stateBeforeError: before, severity: 'high' }),
  ),
];

describe('the finding lifecycle', () => {
  it.each<[BaseState | undefined, (typeof STATUSES)[number], boolean, string, string]>([
    [undefined, 'FAIL', false, 'OPEN', 'opened'],
    ['PASSING', 'FAIL', false, 'OPEN', 'opened'],
    ['RESOLVED', 'FAIL', false, 'OPEN', 'reopened'],
    ['SUPPRESSED', 'FAIL', false, 'OPEN', 'reopened'],
    ['OPEN', 'FAIL', false, 'OPEN', 'updated'],
    ['OPEN', 'FAIL', true, 'SUPPRESSED', 'suppressed'],
    ['SUPPRESSED', 'FAIL', true, 'SUPPRESSED', 'updated'],
    ['OPEN', 'PASS', false, 'RESOLVED', 'resolved'],
    ['SUPPRESSED', 'NOT_APPLICABLE', false, 'RESOLVED', 'resolved'],
    ['RESOLVED', 'PASS', false, 'RESOLVED', 'updated'],
    [undefined, 'PASS', false, 'PASSING', 'created'],
    [undefined, 'NOT_APPLICABLE', false, 'NOT_APPLICABLE', 'created'],
    ['PASSING', 'NOT_APPLICABLE', false, 'NOT_APPLICABLE', 'updated'],
    ['OPEN', 'ERROR', false, 'ERROR', 'errored'],
  ])('takes %s on %s (suppressed: %s) to %s, %s', (before, status, suppressed, state, transition) => {
    const stored = before === undefined ? undefined : { state: before };
    expect(nextLifecycle(stored, status, suppressed)).toEqual({ state, transition });
  });

  it('sees through an ERROR: the state before it decides the next verdict', () => {
    expect(nextLifecycle({ state: 'ERROR', stateBeforeError: 'OPEN' }, 'FAIL', false).transition).toBe(
      'updated',
    );
    expect(nextLifecycle({ state: 'ERROR', stateBeforeError: 'OPEN' }, 'PASS', false).transition).toBe(
      'resolved',
    );
    expect(nextLifecycle({ state: 'ERROR', stateBeforeError: 'RESOLVED' }, 'FAIL', false).transition).toBe(
      'reopened',
    );
    expect(nextLifecycle({ state: 'ERROR' }, 'FAIL', false).transition).toBe('opened');
    expect(nextLifecycle({ state: 'ERROR', stateBeforeError: 'OPEN' }, 'ERROR', false).transition).toBe(
      'updated',
    );
  });

  it("names replay's lifecycle changes among the transitions, and nothing else as one", () => {
    expect(TRANSITIONS).toEqual(expect.arrayContaining([...LIFECYCLE_CHANGES]));
    expect(TRANSITIONS.filter(isLifecycleChange)).toEqual(['opened', 'reopened', 'suppressed', 'resolved']);
  });
});

describe('announcementOf', () => {
  it('announces the lifecycle changes as they are named', () => {
    for (const transition of LIFECYCLE_CHANGES) {
      expect(announcementOf(transition, undefined, { state: 'OPEN', severity: 'high' })).toBe(transition);
    }
  });

  it('announces a severity change of a finding open before and after, through errors, and no other', () => {
    // Prepare: every verdict on every position, at another severity
    const announced = new Set<string>();
    for (const before of POSITIONS) {
      for (const status of STATUSES) {
        for (const suppressed of [false, true]) {
          const { state, transition } = nextLifecycle(before, status, suppressed);
          const base = before?.state === 'ERROR' ? before.stateBeforeError : before?.state;
          const after: AnnouncedPosition = {
            state,
            severity: 'critical',
            ...(state === 'ERROR' && base ? { stateBeforeError: base } : {}),
          };
          // Act
          const announcement = announcementOf(transition, before, after);
          if (announcement === 'severity-changed') announced.add(`${before?.state}(${base}) ${status}`);
          // Assess
          expect(announcement === undefined || ANNOUNCEMENTS.includes(announcement)).toBe(true);
          if (isLifecycleChange(transition)) expect(announcement).toBe(transition);
        }
      }
    }
    expect([...announced].sort()).toEqual([
      'ERROR(OPEN) ERROR',
      'ERROR(OPEN) FAIL',
      'OPEN(OPEN) ERROR',
      'OPEN(OPEN) FAIL',
    ]);
  });

  it('announces an open image finding whose image starts running, once: not while it keeps running', () => {
    // Prepare
    const idle: AnnouncedPosition = { state: 'OPEN', severity: 'critical', inUse: { running: 0, where: [] } };
    const running: AnnouncedPosition = {
      state: 'OPEN',
      severity: 'critical',
      inUse: { running: 3, where: ['payments/payments-api'] },
    };
    const resolved: AnnouncedPosition = { ...running, state: 'RESOLVED' };
    // Act / Assess
    expect(announcementOf('updated', idle, running)).toBe('now-in-use');
    expect(announcementOf('updated', { state: 'OPEN', severity: 'critical' }, running)).toBe('now-in-use');
    expect(announcementOf('updated', running, { ...running, inUse: { running: 5, where: ['a'] } })).toBe(
      undefined,
    );
    expect(announcementOf('updated', running, idle)).toBeUndefined();
    expect(announcementOf('updated', { ...idle, state: 'RESOLVED' }, resolved)).toBeUndefined();
  });

  it('announces nothing for a new message at the same severity, a passing finding or a removal', () => {
    const open: AnnouncedPosition = { state: 'OPEN', severity: 'high' };
    expect(announcementOf('updated', open, open)).toBeUndefined();
    expect(
      announcementOf('errored', open, { state: 'ERROR', stateBeforeError: 'OPEN', severity: 'high' }),
    ).toBe(undefined);
    expect(announcementOf('created', undefined, { state: 'PASSING', severity: 'high' })).toBeUndefined();
    expect(
      announcementOf(
        'removed',
        { state: 'PASSING', severity: 'high' },
        { state: 'RESOLVED', severity: 'high' },
      ),
    ).toBe(undefined);
  });
});
