import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackMessage } from '../../src/index.js';

/** How the fake Slack answers one request: Slack's `200 ok` unless a test says otherwise. */
export interface SlackAnswer {
  status: number;
  /** Seconds, sent as `Retry-After` (Slack does so on 429). */
  retryAfter?: number;
  /** Answers this late (a slow Slack). */
  delayMs?: number;
  body?: string;
  /**
   * Takes the message (Slack posts it: it counts in `posted()` when `status` is 200), then closes
   * the connection without answering: the answer is lost on the way back.
   */
  drop?: boolean;
}

export interface SlackRequest {
  /** `performance.now()` when the request arrived. */
  at: number;
  path: string;
  message: SlackMessage;
  /** The answer it got (or would have got, when it was dropped). */
  status: number;
  /** The connection was closed instead of answering. */
  dropped?: boolean;
}

export interface FakeSlack {
  /** An incoming webhook URL on loopback, with a secret-looking path. */
  url: string;
  /** Another webhook on the same server. */
  urlFor(path: string): string;
  /** Every request, answered or not. */
  requests: SlackRequest[];
  /** Only the requests answered 200: the messages Slack posted. */
  posted(): SlackRequest[];
  /** Decides the answer to request number `index` (0-based); 200 ok when it returns undefined. */
  answer: (index: number, request: SlackRequest) => SlackAnswer | undefined;
  close(): Promise<void>;
}

export const WEBHOOK_PATH = '/services/T0CUSTOMS/B0LOOPBACK/s3cr3tT0k3nDoNotLog';

/**
 * A real HTTP server on 127.0.0.1 that plays a Slack incoming webhook: records each request and
 * answers as the test scripts it (429 with Retry-After, 500, slowly, a posted message whose answer
 * is lost), `200 ok` by default.
 * @example const slack = await startFakeSlack(); slack.answer = (i) => (i === 0 ? { status: 429, retryAfter: 1 } : undefined);
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const requests: SlackRequest[] = [];
  const fake: FakeSlack = {
    url: '',
    urlFor: () => '',
    requests,
    posted: () => requests.filter((request) => request.status === 200),
    answer: () => undefined,
    close: async () => undefined,
  };
  const server = createServer(async function onRequest(incoming: IncomingMessage, response: ServerResponse) {
    const at = performance.now();
    let text = '';
    for await (const chunk of incoming) text += String(chunk);
    const request: SlackRequest = { at, path: incoming.url ?? '', message: JSON.parse(text), status: 0 };
    const index = requests.push(request) - 1;
    const answer = fake.answer(index, request) ?? { status: 200 };
    if (answer.delayMs) await new Promise((wake) => setTimeout(wake, answer.delayMs));
    request.status = answer.status;
    if (answer.drop) {
      request.dropped = true;
      incoming.socket.destroy();
      return;
    }
    if (response.destroyed) return;
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (answer.retryAfter !== undefined) headers['retry-after'] = String(answer.retryAfter);
    response.writeHead(answer.status, headers);
    response.end(
      answer.body ?? (answer.status === 200 ? 'ok' : answer.status === 429 ? 'rate_limited' : 'error'),
    );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  fake.urlFor = (path) => `http://127.0.0.1:${port}${path}`;
  fake.url = fake.urlFor(WEBHOOK_PATH);
  fake.close = () =>
    new Promise((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    });
  return fake;
}
