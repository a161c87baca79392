import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSlackSender, RESENT_NOTE, SlackDeliveryError, type SlackMessage } from '../src/index.js';
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

  it('fails a 429 at once with its Retry-After, whatever its length, for the fan-out to hold the webhook off', async () => {
    // Prepare
    slack.answer = () => ({ status: 429, retryAfter: 30 });
    // Act
    const error = await httpSlackSender({ retry: FAST_RETRY })
      .send(slack.url, MESSAGE)
      .catch((caught: unknown) => caught);
    // Assess
    expect(slack.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000, retryable: true, mayHavePosted: false });
    expect((error as Error).message).toMatch(/429 with Retry-After 30 s/);
  });

  it('sends a message again when Slack took it but the answer was lost, saying it may repeat (at least once)', async () => {
    // Prepare: Slack posts the first request, then the connection closes before its answer
    slack.answer = (index) => (index === 0 ? { status: 200, drop: true } : undefined);
    // Act
    await httpSlackSender({ retry: FAST_RETRY, intervalMs: 0 }).send(slack.url, MESSAGE);
    // Assess: posted twice, the second with the note; no more
    const posted = slack.posted();
    expect(posted.map((request) => request.dropped ?? false)).toEqual([true, false]);
    expect(posted[0]?.message).toEqual(MESSAGE);
    expect(posted[1]?.message.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: RESENT_NOTE, verbatim: true }],
    });
  });

  it('says why a webhook cannot be reached: a DNS failure is not a lost answer', async () => {
    const error = await httpSlackSender({ retry: { ...FAST_RETRY, maxAttempts: 2 }, intervalMs: 0 })
      .send('http://hooks.customs-test.invalid/services/T0/B0/s3cr3tT0k3n', MESSAGE)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /after 2 attempts: DNS lookup failed (for now )?for hooks\.customs-test\.invalid \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
    expect(error).toMatchObject({ mayHavePosted: false });
    expect((error as Error).message).not.toContain('s3cr3tT0k3n');
  });

  it('retries 5xx and a slow answer with backoff, and posts once Slack answers', async () => {
    // Prepare
    slack.answer = (index) => [{ status: 500 }, { status: 200, delayMs: 400 }, { status: 503 }][index];
    // Act
    await httpSlackSender({ retry: FAST_RETRY, timeoutMs: 150, intervalMs: 0 }).send(slack.url, MESSAGE);
    // Assess: the slow answer was abandoned (its 200 came too late to count), and the next
    // attempts said they may repeat it
    expect(slack.requests).toHaveLength(4);
    expect(slack.requests.at(-1)?.status).toBe(200);
    expect(slack.requests.map((request) => request.message.blocks.length)).toEqual([0, 0, 1, 1]);
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
    expect(error).toMatchObject({ status: 500, answer: 'error' });
    expect((error as Error).message).not.toContain('s3cr3tT0k3n');
  });

  it('fails at once on a 4xx Slack will never accept (invalid_payload, no_service)', async () => {
    slack.answer = () => ({ status: 404, body: 'no_service' });
    const error = await httpSlackSender({ retry: FAST_RETRY })
      .send(slack.url, MESSAGE)
      .catch((caught: unknown) => caught);
    expect(slack.requests).toHaveLength(1);
    expect(error).toMatchObject({ retryable: false, status: 404, answer: 'no_service' });
    expect((error as Error).message).toMatch(
      /refused the message to http:\/\/127\.0\.0\.1:\d+\/services\/T…\/…: HTTP 404 no_service/,
    );
  });

  it('reports an unreachable webhook without its path', async () => {
    await slack.close();
    const error = await httpSlackSender({ retry: { ...FAST_RETRY, maxAttempts: 2 } })
      .send(slack.url, MESSAGE)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /after 2 attempts: connection refused for 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
    );
    expect(error).toMatchObject({ status: undefined });
    expect((error as SlackDeliveryError).answer).toMatch(
      /^connection refused for 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
    );
    expect((error as Error).message).not.toContain('s3cr3tT0k3n');
  });

  it('paces the messages to one webhook, one per interval, while another webhook is not held up', async () => {
    // Prepare: a clock that stands still and a sleep that only records, so what is asserted is the
    // pacer's spacing and not the machine's speed
    const waits: number[] = [];
    const sender = httpSlackSender({
      intervalMs: 300,
      clock: () => 1_000_000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const other = slack.urlFor('/services/T0CUSTOMS/B0OTHER/another');
    // Act
    await Promise.all([
      sender.send(slack.url, MESSAGE),
      sender.send(slack.url, MESSAGE),
      sender.send(slack.url, MESSAGE),
      sender.send(other, MESSAGE),
    ]);
    // Assess: the second and third messages to the webhook wait one and two intervals; the other
    // webhook's message waits for nothing
    expect(slack.requests.filter((request) => request.path === WEBHOOK_PATH)).toHaveLength(3);
    expect(slack.requests.filter((request) => request.path !== WEBHOOK_PATH)).toHaveLength(1);
    expect(waits.filter((ms) => ms > 0).sort((x, y) => x - y)).toEqual([300, 600]);
  });
});
