import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type ApiHandler, MAX_BODY_BYTES, requireBearerToken } from '@customs/api';
import { readBody } from './read-body.js';
import { toHttpApiEvent } from './to-event.js';
import { writeHttpApiResult } from './write-result.js';

export interface ApiServerOptions {
  port: number;
  /** 127.0.0.1 by default: the local API is for this machine only. */
  host?: string;
  /** The API Gateway HTTP API (payload v2) handler, e.g. `createApiHandler(dependencies)`. */
  handler: ApiHandler;
  /** Every route but `/openapi.json` requires `Authorization: Bearer <token>`. */
  token: string;
  /** The largest body a path takes, in bytes [64 KiB, the API's `MAX_BODY_BYTES`, for every path]. */
  bodyLimit?: (path: string) => number;
  /** Told of a failure of the adapter itself (answered 500), with the request's method and path. */
  onError?: (error: unknown, request: string) => void;
  /**
   * Answers what is not the API's before the API sees it, without the token (the dashboard's
   * files and `/dashboard-config.json`: `dashboardHandler` of @customs/dashboard); true when it answered.
   */
  serveFirst?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export interface ApiServer {
  /** e.g. `http://127.0.0.1:4000` */
  url: string;
  close(): Promise<void>;
}

/** Answers in the API's error shape, outside the handler (body too large, adapter failure). */
function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
    .end(JSON.stringify({ error: { code, message } }));
}

/**
 * The local API: a Node HTTP server that turns each request into an API Gateway HTTP API (payload
 * v2) event for `handler`, behind the local bearer-token check, and writes the result back. Bodies
 * over 64 KiB (or the path's `bodyLimit`) are answered 413 without being read further. A port in use rejects with one sentence.
 * @example
 * const server = await startApiServer({ port: 4000, handler: createApiHandler(dependencies), token });
 * console.log(server.url); // http://127.0.0.1:4000
 */
export function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const handler = requireBearerToken(options.handler, options.token);
  const bodyLimit = options.bodyLimit ?? (() => MAX_BODY_BYTES);
  const server = createServer(async function serve(request, response) {
    try {
      if (options.serveFirst?.(request, response)) return;
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const limit = bodyLimit(path);
      const body = await readBody(request, limit);
      if (body === undefined) {
        sendError(response, 413, 'payload_too_large', `The body is over ${limit} bytes`);
        request.resume();
        return;
      }
      writeHttpApiResult(response, await handler(toHttpApiEvent(request, body)));
    } catch (error) {
      options.onError?.(error, `${request.method ?? '?'} ${(request.url ?? '').split('?')[0]}`);
      if (!response.headersSent) sendError(response, 500, 'internal_error', 'The local API adapter failed');
    }
  });
  // Node answers what it cannot parse itself (a request line or headers over its 16 KiB limit:
  // 431) with an empty body; answer in the API's error shape instead.
  server.on('clientError', function answerClientError(error: NodeJS.ErrnoException, socket) {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason, code, message] = tooLarge
      ? [
          431,
          'Request Header Fields Too Large',
          'headers_too_large',
          'The request line and headers are over 16 KiB: send a shorter query',
        ]
      : [400, 'Bad Request', 'invalid_request', 'The request is not valid HTTP'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return new Promise(function listen(resolve, reject) {
    server.once('error', function failed(error: NodeJS.ErrnoException) {
      const why =
        error.code === 'EADDRINUSE'
          ? `Port ${options.port} on ${host} is already in use: stop what uses it or choose another port (--port).`
          : `The API could not listen on ${host}:${options.port}: ${error.message}`;
      reject(new Error(why, { cause: error }));
    });
    server.listen(options.port, host, function listening() {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
