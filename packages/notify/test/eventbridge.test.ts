import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { entrySize, eventBridgePublisher, findingEventEntry } from '../src/index.js';
import { transition } from './helpers/transitions.js';

const eventBridge = mockClient(EventBridgeClient);
const noWait = async () => undefined;

function transitions(count: number, message = 'Repository has scanOnPush=false') {
  return Array.from({ length: count }, (_, index) =>
    transition('opened', { id: `finding-${index}`, message: `${message} ${index}` }),
  );
}

/** PutEvents answering every entry with an event id, as AWS does on success. */
function accepted(input: PutEventsCommandInput) {
  return {
    FailedEntryCount: 0,
    Entries: (input.Entries ?? []).map((_, index) => ({
      EventId: `11710aed-b79e-4468-a20b-bb3c0c3b4860-${index}`,
    })),
  };
}

describe('eventBridgePublisher', () => {
  afterEach(() => eventBridge.reset());

  it('puts "Customs Finding Changed" events from customs, the finding and its transition in detail', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake(accepted);
    const [opened] = transitions(1);
    // Act
    const outcome = await eventBridgePublisher({
      client: new EventBridgeClient({}),
      busName: 'default',
    }).publish(opened ? [opened] : []);
    // Assess
    expect(outcome).toEqual({ delivered: [0], failed: [] });
    const entry = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(entry).toMatchObject({
      Source: 'customs',
      DetailType: 'Customs Finding Changed',
      EventBusName: 'default',
      Resources: ['arn:aws:ecr:eu-west-1:111122223333:repository/team/payments-api'],
    });
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({
      transition: 'opened',
      findingId: 'finding-0',
      version: 1,
      finding: { checkId: 'ecr-repository-scan-on-push', state: 'OPEN', severity: 'high' },
    });
  });

  it('batches at most 10 entries and 256 KB per PutEvents call', async () => {
    // Prepare: 25 small events, then 5 events of about 100 KB each
    eventBridge.on(PutEventsCommand).callsFake(accepted);
    const small = transitions(25);
    const large = transitions(5, 'x'.repeat(100 * 1024));
    // Act
    const publisher = eventBridgePublisher({ client: new EventBridgeClient({}) });
    await publisher.publish(small);
    await publisher.publish(large);
    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries ?? []);
    expect(calls.map((entries) => entries.length)).toEqual([10, 10, 5, 2, 2, 1]);
    for (const entries of calls) {
      expect(entries.reduce((sum, entry) => sum + entrySize(entry), 0)).toBeLessThanOrEqual(256 * 1024);
    }
    expect(entrySize(findingEventEntry(small[0] ?? transition('opened')))).toBeGreaterThan(500);
  });

  it('retries only the entries that failed, then reports what still fails with its error code', async () => {
    // Prepare: the first call fails entries 1 and 2; the retry fails entry 2 again, and so on
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
      const entries = input.Entries ?? [];
      const results = entries.map((entry) => {
        const id = JSON.parse(entry.Detail ?? '{}').findingId as string;
        if (id === 'finding-2')
          return { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service error' };
        if (id === 'finding-1' && entries.length === 3)
          return { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' };
        return { EventId: `event-${id}` };
      });
      return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
    });
    // Act
    const outcome = await eventBridgePublisher({
      client: new EventBridgeClient({}),
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      sleep: noWait,
    }).publish(transitions(3));
    // Assess
    const sent = eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length);
    expect(sent).toEqual([3, 2, 1]);
    expect(outcome.delivered).toEqual([0, 1]);
    expect(outcome.failed).toEqual([
      { index: 2, reason: 'InternalFailure: Internal service error (after 3 attempts)' },
    ]);
  });

  it('retries a whole call that failed, bounded', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .callsFake(accepted);
    const outcome = await eventBridgePublisher({ client: new EventBridgeClient({}), sleep: noWait }).publish(
      transitions(2),
    );
    expect(outcome).toEqual({ delivered: [0, 1], failed: [] });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
  });
});
