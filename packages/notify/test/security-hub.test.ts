import { useDynamoDbLocal } from '@customs/local/testing';
import { OutboxRepository } from '@customs/store';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFanOut,
  type FindingTransition,
  parseNotifyConfig,
  securityHubPublisher,
  TokenBucket,
} from '../src/index.js';
import { type FakeAnswer, fakeSecurityHub } from './helpers/fake-security-hub.js';
import { storedFinding } from './helpers/transitions.js';

const dynamo = useDynamoDbLocal();
const noWait = async () => undefined;
const FIRST = '2026-11-28T12:00:00.000Z';

/** The transitions of one finding through its life: opened, then each change after it. */
function life(id: string, steps: { kind: FindingTransition['kind']; state: string; status: string }[]) {
  const out: FindingTransition[] = [];
  let previous: string | undefined;
  for (const [index, step] of [{ kind: 'opened', state: 'OPEN', status: 'FAIL' }, ...steps].entries()) {
    const at = new Date(Date.parse(FIRST) + index * 3_600_000).toISOString();
    const finding = storedFinding({
      id,
      state: step.state as 'OPEN',
      status: step.status as 'FAIL',
      version: index + 1,
      evaluatedAt: at,
      lastEvaluatedAt: at,
      lastChangedAt: at,
      firstSeenAt: FIRST,
    });
    out.push({
      kind: step.kind as 'opened',
      finding,
      version: index + 1,
      ...(previous ? { previousState: previous as 'OPEN' } : {}),
    });
    previous = step.state;
  }
  return out;
}

function setUp(answer?: (call: number, command: 'import' | 'update') => FakeAnswer, attempts = 3) {
  const hub = fakeSecurityHub(answer);
  const sleeps: number[] = [];
  const publisher = securityHubPublisher({
    client: hub.client,
    region: 'eu-west-1',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    clock: () => 0,
    retry: { maxAttempts: attempts, baseDelayMs: 100, maxDelayMs: 1_000 },
  });
  const fanOut = createFanOut({
    outbox: new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName }),
    config: parseNotifyConfig({}),
    securityHub: publisher,
    sleep: noWait,
  });
  return { hub, fanOut, sleeps };
}

describe('the Security Hub target', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('keeps one ASFF finding per Customs finding: NEW when opened, RESOLVED when resolved, first observed once', async () => {
    // Prepare
    const { hub, fanOut } = setUp();
    restore = hub.restore;
    const [opened, resolved] = life('5ec0000000000000000000000000a001', [
      { kind: 'resolved', state: 'RESOLVED', status: 'PASS' },
    ]);
    // Act
    const first = await fanOut.deliver([opened as FindingTransition]);
    const second = await fanOut.deliver([resolved as FindingTransition]);
    const replayed = await fanOut.deliver([opened as FindingTransition, resolved as FindingTransition]);
    // Assess
    expect(hub.findings.size).toBe(1);
    const stored = hub.findings.get('5ec0000000000000000000000000a001');
    expect(hub.workflowHistory.get('5ec0000000000000000000000000a001')).toEqual(['NEW', 'RESOLVED']);
    expect(stored).toMatchObject({
      FirstObservedAt: FIRST,
      CreatedAt: FIRST,
      Compliance: { Status: 'PASSED' },
    });
    expect([first.securityHubFindings, second.securityHubFindings, replayed.securityHubFindings]).toEqual([
      1, 1, 0,
    ]);
    expect(replayed.alreadyDelivered).toBe(2);
    expect(hub.calls.map((call) => call.command)).toEqual(['import', 'import', 'update']);
  });

  it('moves a suppressed finding to SUPPRESSED and back to NEW when the suppression ends; a reopened one is reset by Security Hub', async () => {
    // Prepare
    const { hub, fanOut } = setUp();
    restore = hub.restore;
    const transitions = life('5ec0000000000000000000000000a002', [
      { kind: 'suppressed', state: 'SUPPRESSED', status: 'FAIL' },
      { kind: 'reopened', state: 'OPEN', status: 'FAIL' },
      { kind: 'resolved', state: 'RESOLVED', status: 'PASS' },
      { kind: 'reopened', state: 'OPEN', status: 'FAIL' },
    ]);
    // Act
    for (const transition of transitions) await fanOut.deliver([transition]);
    // Assess
    expect(hub.workflowHistory.get('5ec0000000000000000000000000a002')).toEqual([
      'NEW',
      'SUPPRESSED',
      'NEW',
      'RESOLVED',
      'NEW',
    ]);
    expect(hub.calls.map((call) => call.command)).toEqual([
      'import',
      'import',
      'update',
      'import',
      'update',
      'import',
      'update',
      'import',
    ]);
  });

  it('imports in calls of at most 100 findings, paced under 10 calls a second after a burst of 30', async () => {
    // Prepare
    const hub = fakeSecurityHub();
    restore = hub.restore;
    const publisher = securityHubPublisher({
      client: hub.client,
      region: 'eu-west-1',
      sleep: noWait,
      clock: () => 0,
    });
    const transitions = Array.from(
      { length: 250 },
      (_, index) =>
        life(`5ec00000000000000000000000${String(index).padStart(6, '0')}`, [])[0] as FindingTransition,
    );
    const slept: number[] = [];
    const bucket = new TokenBucket(
      { perSecond: 10, burst: 30 },
      () => 0,
      async (ms) => {
        slept.push(ms);
      },
    );
    // Act
    const outcome = await publisher.publish(transitions);
    for (let call = 0; call < 40; call++) await bucket.take();
    // Assess
    expect(hub.calls.map((call) => call.ids.length)).toEqual([100, 100, 50]);
    expect(outcome.delivered).toHaveLength(250);
    // On a clock that stands still, the 31st to 40th calls wait 100 ms more each.
    expect(slept).toEqual(Array.from({ length: 10 }, (_, index) => (index + 1) * 100));
  });

  it('retries what Security Hub refuses or throttles, and never counts a final failure as delivered', async () => {
    // Prepare: the first import throttled, the second refuses one finding, which keeps failing
    const [good, bad] = ['5ec0000000000000000000000000b001', '5ec0000000000000000000000000b002'];
    const { hub, fanOut, sleeps } = setUp((call) =>
      call === 1 ? { error: 'TooManyRequestsException' } : { refuse: [bad] },
    );
    restore = hub.restore;
    // Act
    const report = await fanOut.deliver([life(good, [])[0], life(bad, [])[0]] as FindingTransition[]);
    // Assess
    expect(hub.findings.has(good)).toBe(true);
    expect(hub.findings.has(bad)).toBe(false);
    expect(report.securityHubFindings).toBe(1);
    expect(report.pending).toEqual([
      { key: expect.stringContaining(bad), reason: 'InvalidInput: refused by the fake (after 3 attempts)' },
    ]);
    expect(report.failing[0]).toMatchObject({
      target: 'securityhub:eu-west-1',
      shown: 'Security Hub in eu-west-1',
    });
    // Two backoffs (100 ms then 200 ms, less up to 20 % jitter) between the three attempts.
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(80);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(160);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
  });

  it('stops at access denied without retrying, naming it, and leaves the findings pending', async () => {
    // Prepare
    const { hub, fanOut } = setUp(() => ({ error: 'AccessDeniedException' }));
    restore = hub.restore;
    // Act
    const report = await fanOut.deliver([
      life('5ec0000000000000000000000000c001', [])[0] as FindingTransition,
    ]);
    // Assess
    expect(hub.calls).toHaveLength(1);
    expect(report.securityHubFindings).toBe(0);
    expect(report.pending[0]?.reason).toBe('AccessDeniedException: fake AccessDeniedException');
  });
});
