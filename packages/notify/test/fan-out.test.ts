import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { useDynamoDbLocal } from '@customs/local/testing';
import { OutboxRepository } from '@customs/store';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFanOut,
  eventBridgePublisher,
  httpSlackSender,
  parseNotifyConfig,
  planDeliveries,
  RESENT_NOTE,
  targetFailureLine,
  webhookTarget,
} from '../src/index.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { transition } from './helpers/transitions.js';

const dynamo = useDynamoDbLocal();
const eventBridge = mockClient(EventBridgeClient);
const noWait = async () => undefined;

function detailsOf(input: PutEventsCommandInput) {
  return (input.Entries ?? []).map(
    (entry) => JSON.parse(entry.Detail ?? '{}') as { findingId: string; version: number },
  );
}

describe('createFanOut', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack?.close();
  });
  afterEach(() => {
    eventBridge.reset();
    slack.requests.length = 0;
  });

  function fanOut(slackConfig: Record<string, unknown>) {
    return createFanOut({
      outbox: new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName }),
      config: parseNotifyConfig({ slack: slackConfig }),
      slack: httpSlackSender({ intervalMs: 0 }),
      events: eventBridgePublisher({
        client: new EventBridgeClient({}),
        sleep: noWait,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      }),
    });
  }

  it('digests a webhook that gets more than the threshold, while another webhook gets one message each', async () => {
    // Prepare: critical findings go to their own webhook, the rest to the default one
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => ({
      FailedEntryCount: 0,
      Entries: (input.Entries ?? []).map((_, index) => ({ EventId: `event-${index}` })),
    }));
    const critical = slack.urlFor('/services/T0/B0/critical');
    const transitions = [
      ...Array.from({ length: 12 }, (_, index) => transition('opened', { id: `digest-high-${index}` })),
      ...Array.from({ length: 2 }, (_, index) =>
        transition('opened', { id: `digest-critical-${index}`, severity: 'critical' }),
      ),
      transition('opened', { id: 'digest-low', severity: 'low' }),
    ];
    // Act
    const report = await fanOut({
      webhookUrl: slack.url,
      digestThreshold: 10,
      routes: [{ severity: 'critical', webhookUrl: critical }],
    }).deliver(transitions);
    // Assess
    const byPath = (path: string) =>
      slack.posted().filter((request) => slack.urlFor(request.path).endsWith(path));
    expect(byPath('/B0LOOPBACK/s3cr3tT0k3nDoNotLog').map((request) => request.message.text)).toEqual([
      'Customs digest: 12 finding changes (12 opened)',
    ]);
    expect(byPath('/B0/critical').map((request) => request.message.text.split(':')[0])).toEqual([
      'Critical',
      'Critical',
    ]);
    expect(report).toMatchObject({ slackMessages: 3, events: 15, delivered: 29, pending: [] });
  });

  it('keeps events in version order per finding: a failed v1 holds back v2 until both go out, in order', async () => {
    // Prepare: EventBridge fails the entry of v1 once
    let failedOnce = false;
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
      const results = detailsOf(input).map((detail) => {
        if (detail.version === 1 && !failedOnce) {
          failedOnce = true;
          return { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service error' };
        }
        return { EventId: `event-${detail.findingId}-${detail.version}` };
      });
      return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
    });
    const opened = transition('opened', { id: 'ordered-events', version: 1, severity: 'low' });
    const resolved = transition('resolved', { id: 'ordered-events', version: 2, severity: 'low' });
    const events = fanOut({ webhookUrl: slack.url });
    // Act
    const first = await events.deliver([opened, resolved]);
    const second = await events.retryPending();
    // Assess
    expect([...first.unfinished].sort()).toEqual(['ordered-events#1', 'ordered-events#2']);
    expect(first.pending.map((entry) => entry.reason)).toEqual([
      'InternalFailure: Internal service error (after 1 attempts)',
      'waiting for version 1 of the same finding',
    ]);
    const puts = eventBridge
      .commandCalls(PutEventsCommand)
      .map((call) => detailsOf(call.args[0].input).map((d) => d.version));
    expect(puts).toEqual([[1], [1], [2]]);
    expect(first.failing).toEqual([
      expect.objectContaining({
        target: 'eventbridge:default',
        cause: 'InternalFailure: Internal service error (after 1 attempts)',
        pending: 2,
      }),
    ]);
    expect(second).toMatchObject({ events: 2, pending: [], failing: [] });
  });

  describe('hold-offs and answers lost', () => {
    /** A fan-out to the loopback Slack only, on a clock the test moves (outbox and fan-out alike). */
    function slackOnly(now: { ms: number }, maxHoldWaitMs = 20_000) {
      const slept: number[] = [];
      const fan = createFanOut({
        outbox: new OutboxRepository({
          client: dynamo.client,
          tableName: dynamo.tableName,
          clock: () => new Date(now.ms),
        }),
        config: parseNotifyConfig({ slack: { webhookUrl: slack.url, digestThreshold: 50 } }),
        slack: httpSlackSender({ intervalMs: 0, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }),
        clock: () => now.ms,
        maxHoldWaitMs,
        sleep: async (ms) => {
          slept.push(ms);
          now.ms += ms;
        },
      });
      return { fan, slept };
    }
    const target = () => webhookTarget(slack.url);
    const outboxAt = (now: { ms: number }) =>
      new OutboxRepository({
        client: dynamo.client,
        tableName: dynamo.tableName,
        clock: () => new Date(now.ms),
      });

    afterEach(async () => {
      // Each test starts with the webhook free: no hold left by the one before.
      await dynamo.client.send(
        new DeleteItemCommand({
          TableName: dynamo.tableName,
          Key: { PK: { S: 'OUTBOX#HOLD' }, SK: { S: target() } },
        }),
      );
      slack.answer = () => undefined;
    });

    it('keeps a 429 Retry-After of 30 s as the webhook hold-off: nothing is posted before it ends, by this sender or another', async () => {
      // Prepare: 11 changes; Slack rate-limits the first post for 30 s; each request notes the time
      const start = Date.parse('2026-12-01T10:00:00.000Z');
      const now = { ms: start };
      const seconds: number[] = [];
      slack.answer = (index) => {
        seconds.push((now.ms - start) / 1000);
        return index === 0 ? { status: 429, retryAfter: 30 } : undefined;
      };
      const transitions = Array.from({ length: 11 }, (_, index) =>
        transition('opened', { id: `rate-limited-${index}` }),
      );
      const first = slackOnly(now);
      const other = slackOnly(now);
      // Act: told to wait 30 s (longer than a run waits: left pending); another sender tries 5 s
      // later (25 s left: still too long); the first retries at 10 s (20 s left: waited out)
      const told = await first.fan.deliver(transitions);
      const hold = await outboxAt(now).targetHold(target());
      now.ms = start + 5_000;
      const fiveSecondsLater = await other.fan.retryPending();
      now.ms = start + 10_000;
      const tenSecondsLater = await first.fan.retryPending();
      // Assess: one 429, then 11 posts, none before the 30 s are over
      expect(seconds).toEqual([0, ...Array.from({ length: 11 }, () => 30)]);
      expect(slack.posted()).toHaveLength(11);
      expect(hold).toMatchObject({
        holdUntil: '2026-12-01T10:00:30.000Z',
        reason: 'Slack answered 429 with Retry-After: 30 s',
        failures: 0,
      });
      expect(told).toMatchObject({ slackMessages: 0, delivered: 0 });
      expect(told.pending).toHaveLength(11);
      expect(told.failing).toEqual([
        expect.objectContaining({
          target: target(),
          cause: 'Slack answered 429 with Retry-After: 30 s',
          retryAt: '2026-12-01T10:00:30.000Z',
          pending: 11,
          held: false,
        }),
      ]);
      expect(fiveSecondsLater).toMatchObject({
        slackMessages: 0,
        failing: [expect.objectContaining({ held: true, pending: 11 })],
      });
      expect([first.slept, other.slept]).toEqual([[20_000], []]);
      expect(tenSecondsLater).toMatchObject({ slackMessages: 11, delivered: 11, pending: [], failing: [] });
    });

    it('waits out a short Retry-After within the run, and never before it ends', async () => {
      const now = { ms: Date.parse('2026-12-01T11:00:00.000Z') };
      slack.answer = (index) => (index === 0 ? { status: 429, retryAfter: 2 } : undefined);
      const { fan, slept } = slackOnly(now);
      const report = await fan.deliver([
        transition('opened', { id: 'short-wait-a' }),
        transition('opened', { id: 'short-wait-b' }),
      ]);
      expect(slack.requests.map((request) => request.status)).toEqual([429, 200, 200]);
      expect(slept).toEqual([2000]);
      expect(report).toMatchObject({ slackMessages: 2, pending: [], failing: [] });
    });

    it('posts a message Slack took but whose answer was lost twice, the second saying it may repeat, and marks it delivered once', async () => {
      // Prepare: Slack takes every attempt of the first message but the connection drops before each answer
      const now = { ms: Date.parse('2026-12-01T12:00:00.000Z') };
      slack.answer = (index) => (index < 2 ? { status: 200, drop: true } : undefined);
      const { fan } = slackOnly(now);
      const lost = transition('opened', { id: 'answer-lost' });
      // Act: both attempts of the first run lose the answer; the next run sends it again
      const first = await fan.deliver([lost]);
      now.ms += 600_000;
      const second = await fan.retryPending();
      const replayed = await fan.deliver([lost]);
      // Assess: three posts (at least once), each re-send with the note; delivered once
      const posted = slack.posted().map((request) => request.message.blocks.at(-1));
      expect(posted).toHaveLength(3);
      expect(
        posted.map((block) => block?.type === 'context' && block.elements[0]?.text === RESENT_NOTE),
      ).toEqual([false, true, true]);
      expect(first.pending[0]?.reason).toMatch(/Slack may have posted it/);
      expect(second).toMatchObject({ delivered: 1, slackMessages: 1 });
      expect(replayed).toMatchObject({ delivered: 0, alreadyDelivered: 1, slackMessages: 0 });
    });

    it('re-sends with the note a delivery whose sender stopped between Slack and the delivered marker', async () => {
      // Prepare: a sender claimed it (and may have posted it), then died: its lease runs out
      const now = { ms: Date.parse('2026-12-01T13:00:00.000Z') };
      const crashed = transition('opened', { id: 'sender-died' });
      await outboxAt(now).claim(
        planDeliveries([crashed], parseNotifyConfig({ slack: { webhookUrl: slack.url } }), true, []),
      );
      now.ms += 121_000;
      // Act
      const report = await slackOnly(now).fan.retryPending();
      // Assess
      expect(report).toMatchObject({ delivered: 1 });
      const [posted] = slack.posted();
      expect(JSON.stringify(posted?.message.blocks.at(-1))).toContain(RESENT_NOTE);
    });

    it('holds a failing webhook off with a backoff, reports the cause once per webhook, and clears it once Slack is back', async () => {
      const now = { ms: Date.parse('2026-12-01T14:00:00.000Z') };
      slack.answer = () => ({ status: 503 });
      const { fan, slept } = slackOnly(now);
      const down = await fan.deliver([
        transition('opened', { id: 'backoff-a' }),
        transition('opened', { id: 'backoff-b' }),
      ]);
      const held = await fan.retryPending();
      now.ms += 10_000;
      const downAgain = await fan.retryPending();
      const requestsWhileDown = slack.requests.length;
      now.ms += 20_000;
      slack.answer = () => undefined;
      const recovered = await fan.retryPending();
      expect(down.failing).toEqual([
        expect.objectContaining({
          cause: expect.stringMatching(/after 2 attempts: HTTP 503/),
          pending: 2,
          retryAt: '2026-12-01T14:00:10.000Z',
          held: false,
        }),
      ]);
      expect(held.failing).toEqual([
        expect.objectContaining({ held: true, retryAt: '2026-12-01T14:00:10.000Z' }),
      ]);
      expect(downAgain.failing[0]?.retryAt).toBe('2026-12-01T14:00:30.000Z');
      expect(requestsWhileDown).toBe(4);
      // One line for a person: what Slack answered, where (redacted), what waits, the schedule
      const origin = new URL(slack.url).origin;
      expect(down.failing[0]).toMatchObject({ status: 503, answer: 'error' });
      expect(targetFailureLine(down.failing[0] as never, Date.parse('2026-12-01T14:00:00.000Z'))).toBe(
        `Slack answered 503 (error) at ${origin}/services/T…/…; 2 deliveries pending, next try in 10 s (at 2026-12-01T14:00:10.000Z); retried with a backoff of 10 s doubling to 5 min while it fails`,
      );
      expect(recovered).toMatchObject({ delivered: 2, failing: [] });
      expect(slept).toEqual([]);
      expect(await outboxAt(now).targetHold(target())).toBeUndefined();
    });
  });
});
