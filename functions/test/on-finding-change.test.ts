import { Logger } from '@aws-lambda-powertools/logger';
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { useDynamoDbLocal } from '@customs/local/testing';
import { eventBridgePublisher, httpSlackSender, parseNotifyConfig, webhookTarget } from '@customs/notify';
import { OutboxRepository } from '@customs/store';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../packages/notify/test/helpers/fake-slack.js';
import { storedFinding, streamRecord } from '../../packages/notify/test/helpers/transitions.js';
import { createFindingChangeHandler } from '../src/fan-out-handler.js';
import { lambdaFanOutDependencies } from '../src/runtime/fan-out-dependencies.js';

const dynamo = useDynamoDbLocal();
const eventBridge = mockClient(EventBridgeClient);
const CONTEXT = {
  functionName: 'on-finding-change',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
} as Context;

function accepted(input: PutEventsCommandInput) {
  return {
    FailedEntryCount: 0,
    Entries: (input.Entries ?? []).map((_, index) => ({ EventId: `event-${index}` })),
  };
}

describe('on-finding-change', () => {
  let slack: FakeSlack;
  let logs: string[];
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack?.close();
  });
  afterEach(async () => {
    // No hold-off of the webhook outlives its test.
    await dynamo.client.send(
      new DeleteItemCommand({
        TableName: dynamo.tableName,
        Key: { PK: { S: 'OUTBOX#HOLD' }, SK: { S: webhookTarget(slack.url) } },
      }),
    );
    eventBridge.reset();
    slack.requests.length = 0;
    slack.answer = () => undefined;
    vi.restoreAllMocks();
  });

  function handler() {
    logs = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation(
        (chunk: string | Uint8Array) => logs.push(String(chunk)) > 0,
      );
    }
    eventBridge.on(PutEventsCommand).callsFake(accepted);
    // A clock the hold-offs are read on, moved by what the fan-out waits: no real waits.
    const now = { ms: Date.now() };
    const dependencies = {
      outbox: new OutboxRepository({
        client: dynamo.client,
        tableName: dynamo.tableName,
        clock: () => new Date(now.ms),
      }),
      clock: () => now.ms,
      sleep: async (ms: number) => {
        now.ms += ms;
      },
      config: parseNotifyConfig({
        slack: { webhookUrl: slack.url },
        apiUrl: 'https://api.customs.example.com',
      }),
      slack: httpSlackSender({ intervalMs: 0, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 } }),
      events: eventBridgePublisher({ client: new EventBridgeClient({}), busName: 'default' }),
    };
    const logger = new Logger({ serviceName: 'customs', logLevel: 'DEBUG' });
    const built = createFindingChangeHandler(async () => dependencies, logger);
    const invoke = (records: DynamoDBRecord[]) =>
      built({ Records: records }, CONTEXT) as Promise<DynamoDBBatchResponse>;
    return Object.assign(invoke, { now });
  }

  it('notifies Slack and EventBridge of a new finding and reports a record it cannot read, alone', async () => {
    // Prepare
    const invoke = handler();
    const good = streamRecord(undefined, storedFinding({ id: 'good-record' }));
    const bad = streamRecord(undefined, storedFinding({ id: 'bad-record' }));
    const image = { ...bad.dynamodb?.NewImage };
    delete image.state;
    bad.dynamodb = { ...bad.dynamodb, NewImage: image };
    const counter = streamRecord(undefined, storedFinding({ id: 'counter' }));
    counter.dynamodb = {
      ...counter.dynamodb,
      Keys: { PK: { S: 'SUMMARY' }, SK: { S: 'severity#high#1' } },
      NewImage: { PK: { S: 'SUMMARY' } },
    };
    // Act
    const response = await invoke([counter, bad, good]);
    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: bad.dynamodb?.SequenceNumber }] });
    expect(slack.posted().map((request) => request.message.text)).toEqual([
      'High: ECR repositories scan images on push (team/payments-api)',
    ]);
    const events = eventBridge
      .commandCalls(PutEventsCommand)
      .flatMap((call) => call.args[0].input.Entries ?? []);
    expect(events.map((entry) => JSON.parse(entry.Detail ?? '{}').findingId)).toEqual(['good-record']);
  });

  it('posts once when the same batch is delivered again', async () => {
    // Prepare
    const invoke = handler();
    const records = [streamRecord(undefined, storedFinding({ id: 'twice', severity: 'critical' }))];
    // Act
    const first = await invoke(records);
    const second = await invoke(records);
    // Assess
    expect([first, second]).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(slack.posted()).toHaveLength(1);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('keeps what Slack refused pending, reports its record, and delivers it later in version order', async () => {
    // Prepare: Slack is down for the first invocation
    const invoke = handler();
    const v1 = storedFinding({ id: 'ordered', version: 1 });
    const v2 = storedFinding({
      id: 'ordered',
      version: 2,
      state: 'RESOLVED',
      status: 'PASS',
      message: 'scans on push',
    });
    const opened = streamRecord(undefined, v1);
    const resolved = streamRecord(v1, v2);
    slack.answer = () => ({ status: 500 });
    // Act
    const down = await invoke([opened]);
    slack.answer = () => undefined;
    const heldOff = await invoke([resolved]);
    invoke.now.ms += 10_000;
    const back = await invoke([resolved]);
    // Assess
    expect(down.batchItemFailures).toEqual([{ itemIdentifier: opened.dynamodb?.SequenceNumber }]);
    expect(heldOff.batchItemFailures).toEqual([{ itemIdentifier: resolved.dynamodb?.SequenceNumber }]);
    expect(back.batchItemFailures).toEqual([]);
    expect(slack.posted().map((request) => request.message.text.split(':')[0])).toEqual(['High', 'Resolved']);
    const failing = logs.filter((line) => line.includes('delivery failing')).map((line) => JSON.parse(line));
    expect(failing).toEqual([
      expect.objectContaining({
        level: 'WARN',
        target: expect.stringMatching(/^slack:/),
        webhook: expect.stringMatching(/\/services\/T…\/…$/),
        cause: expect.stringMatching(/after 2 attempts: HTTP 500/),
        pending: 1,
        retryAt: expect.any(String),
        held: false,
        schedule: 'with a backoff of 10 s doubling to 5 min while it fails',
      }),
      expect.objectContaining({ held: true, pending: 2 }),
    ]);
  });

  it('never logs the webhook URL', async () => {
    const invoke = handler();
    slack.answer = () => ({ status: 404, body: 'no_service' });
    await invoke([streamRecord(undefined, storedFinding({ id: 'logged', severity: 'critical' }))]);
    const output = logs.join('');
    expect(output).toContain('no_service');
    expect(output).not.toContain('s3cr3tT0k3n');
    expect(output).not.toContain('B0LOOPBACK');
  });

  it('refuses at start-up a webhook URL that is not https on hooks.slack.com', () => {
    expect(() =>
      lambdaFanOutDependencies({
        CUSTOMS_TABLE_NAME: 'customs-findings',
        SLACK_WEBHOOK_URL: 'https://hooks.example.com/services/T0/B0/s3cr3tT0k3n',
      }),
    ).toThrow(
      /^SLACK_WEBHOOK_URL \(https:\/\/hooks\.example\.com\/services\/T…\/…\) is not a Slack incoming webhook/,
    );
  });
});
