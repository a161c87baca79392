import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { useDynamoDbLocal } from '@customs/local/testing';
import { OutboxRepository } from '@customs/store';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFanOut,
  eventBridgePublisher,
  httpSlackSender,
  parseNotifyConfig,
  slackWebhookFor,
} from '../src/index.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { transition } from './helpers/transitions.js';

const dynamo = useDynamoDbLocal();
const eventBridge = mockClient(EventBridgeClient);
const noWait = async () => undefined;

/** The organisation: the home account, a payments account in the payments OU, a sandbox account. */
const HOME = '111122223333';
const PAYMENTS = '444455556666';
const SANDBOX = '777788889999';
const PAYMENTS_OU = 'ou-ab12-paym0001';
const webhook = (name: string) => `https://hooks.slack.com/services/T0/B0/${name}`;

describe('Slack routing per account and organizational unit', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it("posts each account's findings to its team's webhook through the fan-out, the rest to the default", async () => {
    // Prepare: the payments OU's channel, the sandbox's channel for its criticals only, the default.
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => ({
      FailedEntryCount: 0,
      Entries: (input.Entries ?? []).map((_, index) => ({ EventId: `event-${index}` })),
    }));
    const config = parseNotifyConfig({
      slack: {
        webhookUrl: slack.url,
        routes: [
          { organizationalUnit: PAYMENTS_OU, webhookUrl: slack.urlFor('/services/T0/B0/payments') },
          { accountId: [SANDBOX], severity: 'critical', webhookUrl: slack.urlFor('/services/T0/B0/sandbox') },
        ],
        organizationalUnits: { [PAYMENTS_OU]: [PAYMENTS] },
      },
    });
    const fanOut = createFanOut({
      outbox: new OutboxRepository({ client: dynamo.client, tableName: dynamo.tableName }),
      config,
      slack: httpSlackSender({ intervalMs: 0 }),
      events: eventBridgePublisher({
        client: new EventBridgeClient({}),
        sleep: noWait,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      }),
    });
    const transitions = [
      transition('opened', { id: 'acct-payments-high', accountId: PAYMENTS, resourceName: 'payments/api' }),
      transition('opened', { id: 'acct-sandbox-critical', accountId: SANDBOX, severity: 'critical' }),
      transition('opened', { id: 'acct-sandbox-high', accountId: SANDBOX, resourceName: 'sandbox/tool' }),
      transition('opened', { id: 'acct-home-high', accountId: HOME, resourceName: 'team/app' }),
    ];
    // Act
    const report = await fanOut.deliver(transitions);
    // Assess
    const posted = (path: string) =>
      slack
        .posted()
        .filter((request) => slack.urlFor(request.path).endsWith(path))
        .map((request) => request.message.text.split(':')[0]);
    expect(posted('/B0/payments')).toEqual(['High']);
    expect(posted('/B0/sandbox')).toEqual(['Critical']);
    expect(posted('/B0LOOPBACK/s3cr3tT0k3nDoNotLog')).toEqual(['High', 'High']);
    expect(report).toMatchObject({ slackMessages: 4, pending: [] });
  });

  it('matches one account id, a list, an OU, and leaves an account of no route to the default', () => {
    // Prepare
    const config = parseNotifyConfig({
      slack: {
        webhookUrl: webhook('default'),
        routes: [
          { accountId: HOME, recommendation: 'CSA-5', webhookUrl: webhook('home-iam') },
          { organizationalUnit: PAYMENTS_OU, webhookUrl: webhook('payments') },
        ],
        organizationalUnits: { [PAYMENTS_OU]: [PAYMENTS, SANDBOX] },
      },
    });
    // Act / Assess
    expect(slackWebhookFor(transition('opened', { recommendation: 'CSA-5' }), config.slack)).toBe(
      webhook('home-iam'),
    );
    expect(slackWebhookFor(transition('opened'), config.slack)).toBe(webhook('default'));
    expect(slackWebhookFor(transition('opened', { accountId: SANDBOX }), config.slack)).toBe(
      webhook('payments'),
    );
    expect(slackWebhookFor(transition('opened', { accountId: '123456789012' }), config.slack)).toBe(
      webhook('default'),
    );
  });

  it('refuses an account id that is not 12 digits, a malformed OU id, and an OU whose accounts are not listed', () => {
    // Act / Assess
    const routed =
      (route: Record<string, unknown>, units: Record<string, unknown> = {}) =>
      () =>
        parseNotifyConfig({
          slack: { routes: [{ ...route, webhookUrl: webhook('x') }], organizationalUnits: units },
        });
    expect(routed({ accountId: '4444' })).toThrow(
      /slack\.routes\.0\.accountId: an AWS account id is 12 digits/,
    );
    expect(routed({ organizationalUnit: 'payments' })).toThrow(
      /slack\.routes\.0\.organizationalUnit: an organizational unit id such as ou-/,
    );
    expect(routed({ organizationalUnit: PAYMENTS_OU })).toThrow(
      /slack\.routes\.0\.organizationalUnit: ou-ab12-paym0001 is not in slack\.organizationalUnits/,
    );
    expect(routed({ accountId: HOME }, { [PAYMENTS_OU]: ['12'] })).toThrow(
      /slack\.organizationalUnits\.ou-ab12-paym0001\.0/,
    );
  });
});
