import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { OutboxRepository } from '@customs/store';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useDynamoDbLocal } from '../../local/src/dynamodb/testing.js';
import { createFanOut, eventBridgePublisher, httpSlackSender, parseNotifyConfig } from '../src/index.js';
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
    expect(second).toMatchObject({ events: 2, pending: [] });
  });
});
