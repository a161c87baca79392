import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MAX_BODY_BYTES, ROUTES } from '@customs/api';
import { safeText } from '@customs/core';
import type { RequestSigner } from '../cli/sigv4.js';
import { DASHBOARD_CONFIG_PATH, readBody, sendDashboardConfig } from '../http/index.js';
import { FORWARDED_METHODS, refusalOf } from './request-guard.js';

/** The largest API answer passed back (a page of 1000 findings, exported, is a few MiB). */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** API Gateway ends an integration at 30 s; the proxy waits no longer. */
const UPSTREAM_TIMEOUT_MS = 30_000;
/** The answer headers passed back; no cookie or other header of the upstream's. */
const PASSED_HEADERS = ['content-type', 'retry-after', 'allow'];

/** Answers a UI request (static files, the SPA's pages): true when it answered. */
export type ServeUi = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface SigningProxyOptions {
  /** The deployed API: only its origin is ever called, under its path (e.g. a stage, `/prod`). */
  api: URL;
  /** Signs each forwarded request (SigV4 with the user's credentials: `sigV4Signer`). */
  signer: RequestSigner;
  port: number;
  /** The dashboard UI; everything that is not the API goes to it (404 when it does not answer). */
  serveUi: ServeUi;
  /** Told of each failure to forward (its method, path and why: never a header or a credential). */
  onError?: (line: string) => void;
  fetch?: typeof fetch;
}

export interface SigningProxy {
  /** e.g. `http://127.0.0.1:4100` */
  url: string;
  close(): Promise<void>;
}

/** The API's first path segments (`findings`, `summary`, `posture`, …), from its routes. */
const API_SEGMENTS = new Set(ROUTES.map((route) => route.path.split('/')[1] ?? ''));

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify({ error: { code, message } }));
}

/** A browser navigation (a page load: it accepts HTML first) goes to the UI even on an API path. */
function isNavigation(request: IncomingMessage): boolean {
  return (
    request.method === 'GET' &&
    (request.headers['sec-fetch-mode'] === 'navigate' ||
      (request.headers.accept ?? '').startsWith('text/html'))
  );
}

/** Reads an answer's body, at most `limit` bytes; undefined past that (the rest is not read). */
async function boundedBody(answer: Response, limit: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = answer.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

/**
 * `customs dashboard`'s server on 127.0.0.1: the dashboard UI (`serveUi`), its config
 * (`{"auth":"proxy","apiBase":""}`), and every API path (`/findings`, `/summary`, …) forwarded to
 * `api`, signed with the user's AWS credentials. It refuses to forward a request that names
 * another host or comes from another site (`refusalOf`), a method the API does not have (405), a
 * body over 64 KiB (413) and an answer over 32 MiB (502); it follows no redirect. The browser's
 * own headers (cookies, authorization) are never forwarded.
 * @example const proxy = await startSigningProxy({ api, signer: sigV4Signer(api), port: 4100, serveUi });
 */
export function startSigningProxy(options: SigningProxyOptions): Promise<SigningProxy> {
  const base = options.api.pathname.replace(/\/$/, '');
  const send = options.fetch ?? fetch;
  const server = createServer(async function serve(request, response) {
    const refusal = refusalOf(request, options.port === 0 ? portOf(server) : options.port);
    if (refusal) return sendError(response, refusal.status, refusal.code, refusal.message);
    const [path = '/', query] = (request.url ?? '/').split(/\?(.*)/s);
    const method = request.method ?? 'GET';
    if (path === DASHBOARD_CONFIG_PATH && method === 'GET') {
      return sendDashboardConfig(response, { auth: 'proxy', apiBase: '' });
    }
    const toApi = API_SEGMENTS.has(path.split('/')[1] ?? '') && !isNavigation(request);
    if (!toApi) {
      if (!options.serveUi(request, response)) sendError(response, 404, 'not_found', 'No such page');
      return;
    }
    const shown = `${method} ${safeText(path, { maxLength: 200 })}`;
    try {
      await forward(request, response, { method, path, query, shown });
    } catch (error) {
      options.onError?.(`${shown}: ${safeText((error as Error).message, { maxLength: 300 })}`);
      if (!response.headersSent) sendError(response, 502, 'bad_gateway', 'The proxy could not forward this');
    }
  });

  async function forward(
    request: IncomingMessage,
    response: ServerResponse,
    target: { method: string; path: string; query: string | undefined; shown: string },
  ): Promise<void> {
    if (!FORWARDED_METHODS.has(target.method)) {
      response.setHeader('allow', 'GET, POST, DELETE');
      return sendError(response, 405, 'method_not_allowed', `${target.method} is not forwarded`);
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === undefined) {
      request.resume();
      return sendError(response, 413, 'payload_too_large', `The body is over ${MAX_BODY_BYTES} bytes`);
    }
    const url = new URL(options.api.href);
    url.pathname = `${base}${target.path}`;
    url.search = target.query ?? '';
    url.hash = '';
    if (url.origin !== options.api.origin) throw new Error('the target left the API');
    const text = body.length > 0 ? body.toString('utf8') : undefined;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(text === undefined ? {} : { 'content-type': 'application/json' }),
    };
    let signed: Record<string, string>;
    try {
      signed = await options.signer.sign(url, target.method, headers, text);
    } catch (error) {
      options.onError?.(`${target.shown}: ${safeText((error as Error).message, { maxLength: 300 })}`);
      return sendError(response, 502, 'signing_failed', (error as Error).message);
    }
    let answer: Response;
    try {
      answer = await send(url, {
        method: target.method,
        headers: { ...headers, ...signed },
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        ...(text === undefined ? {} : { body: text }),
      });
    } catch (error) {
      options.onError?.(`${target.shown}: ${safeText((error as Error).message, { maxLength: 300 })}`);
      return sendError(response, 502, 'bad_gateway', `Cannot reach the API at ${options.api.origin}`);
    }
    if (answer.status >= 300 && answer.status < 400) {
      await answer.body?.cancel();
      return sendError(
        response,
        502,
        'bad_gateway',
        'The API answered with a redirect, which is not followed',
      );
    }
    const content = await boundedBody(answer, MAX_ANSWER_BYTES);
    if (content === undefined) {
      return sendError(response, 502, 'bad_gateway', `The API's answer is over ${MAX_ANSWER_BYTES} bytes`);
    }
    const passed = Object.fromEntries(
      PASSED_HEADERS.flatMap((name) => {
        const value = answer.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    response.writeHead(answer.status, { ...passed, 'cache-control': 'no-store' }).end(content);
  }

  return new Promise(function listen(resolve, reject) {
    server.once('error', function failed(error: NodeJS.ErrnoException) {
      const why =
        error.code === 'EADDRINUSE'
          ? `Port ${options.port} on 127.0.0.1 is already in use: choose another (--port).`
          : `The dashboard could not listen on 127.0.0.1:${options.port}: ${error.message}`;
      reject(new Error(why, { cause: error }));
    });
    server.listen(options.port, '127.0.0.1', function listening() {
      resolve({
        url: `http://127.0.0.1:${portOf(server)}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function portOf(server: ReturnType<typeof createServer>): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
