import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSlackSender, SlackDeliveryError, type SlackMessage } from '../src/index.js';
import { type FakeSlack, startFakeSlack, WEBHOOK_PATH } from './helpers/fake-slack.js';

const MESSAGE: SlackMessage = { text: 'Critical: ECR images have no critical vulnerabilities', blocks: [] };
const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 };

describe('httpSlackSender against a loopback Slack', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    await slack.close();
  });

  it('posts the message as JSON to the webhook', async () => {
    await httpSlackSender().send(slack.url, MESSAGE);
    expect(slack.posted().map((request) => [request.path, request.message])).toEqual([
      [WEBHOOK_PATH, MESSAGE],
    ]);
  });

  it('honours 429 Retry-After: waits as told, then posts once', async () => {
    // Prepare
    slack.answer = (index) => (index === 0 ? { status: 429, retryAfter: 1 } : undefined);
    // Act
    await httpSlackSender({ retry: FAST_RETRY }).send(slack.url, MESSAGE);
    // Assess
    expect(slack.requests.map((request) => request.status)).toEqual([429, 200]);
    const [first, second] = slack.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('retries 5xx and a slow answer with backoff, and posts once Slack answers', async () => {
    // Prepare
    slack.answer = (index) => [{ status: 500 }, { status: 200, delayMs: 400 }, { status: 503 }][index];
    // Act
    await httpSlackSender({ retry: FAST_RETRY, timeoutMs: 150, intervalMs: 0 }).send(slack.url, MESSAGE);
    // Assess: the slow answer was abandoned (its 200 came too late to count)
    expect(slack.requests).toHaveLength(4);
    expect(slack.requests.at(-1)?.status).toBe(200);
  });

  it('gives up after the bounded attempts with an error that never shows the webhook path', async () => {
    // Prepare
    slack.answer = () => ({ status: 500 });
    // Act
    const error = await httpSlackSender({ retry: FAST_RETRY, intervalMs: 0 })
      .send(slack.url, MESSAGE)
      .catch((caught: unknown) => caught);
    // Assess
    expect(slack.requests).toHaveLength(4);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as SlackDeliveryError).retryable).toBe(true);
    expect((error as Error).message).toMatch(/after 4 attempts: HTTP 500/);
    expect((error as Error).message).not.toContain('s3cr3tT0k3n');
  });

  it('fails at once on a 4xx Slack will never accept (invalid_payload, no_service)', async () => {
    slack.answer = () => ({ status: 404, body: 'no_service' });
    const error = await httpSlackSender({ retry: FAST_RETRY })
      .send(slack.url, MESSAGE)
      .catch((caught: unknown) => caught);
    expect(slack.requests).toHaveLength(1);
    expect(error).toMatchObject({ retryable: false, status: 404 });
    expect((error as Error).message).toMatch(
      /refused the message to http:\/\/127\.0\.0\.1:\d+\/services\/T…\/…: HTTP 404 no_service/,
    );
  });

  it('reports an unreachable webhook without its path', async () => {
    await slack.close();
    const error = await httpSlackSender({ retry: { ...FAST_RETRY, maxAttempts: 2 } })
      .send(slack.url, MESSAGE)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/after 2 attempts/);
    expect((error as Error).message).not.toContain('s3cr3tT0k3n');
  });

  it('paces the messages to one webhook, one per interval, while another webhook is not held up', async () => {
    // Prepare
    const sender = httpSlackSender({ intervalMs: 300 });
    const other = slack.urlFor('/services/T0CUSTOMS/B0OTHER/another');
    // Act
    await Promise.all([
      sender.send(slack.url, MESSAGE),
      sender.send(slack.url, MESSAGE),
      sender.send(slack.url, MESSAGE),
      sender.send(other, MESSAGE),
    ]);
    // Assess
    const times = slack.requests
      .filter((request) => request.path === WEBHOOK_PATH)
      .map((request) => request.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(290);
    const otherAt = slack.requests.find((request) => request.path !== WEBHOOK_PATH)?.at ?? Infinity;
    expect(otherAt - (times[0] ?? 0)).toBeLessThan(250);
  });
});
