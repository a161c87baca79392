import type { IncomingHttpHeaders } from 'node:http';
import { type Agent, request } from 'node:https';
import { safeText } from '@customs/core';
import { KubernetesApiError, type KubernetesCall, unreachableFix } from './errors.js';

/** What one GET answered. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How one GET is made. */
export interface GetOptions {
  /** Keeps connections to one cluster and verifies its certificate against the cluster CA. */
  agent: Agent;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

/** Network errors that mean the endpoint cannot be reached from here. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Connection errors worth another attempt (the server closed a kept-alive connection). */
const TRANSIENT = new Set(['ECONNRESET', 'EPIPE']);

/** An error of a connection that may succeed when tried again. */
export class TransientNetworkError extends Error {
  override name = 'TransientNetworkError';
}

function networkError(call: KubernetesCall, error: unknown): Error {
  if (error instanceof KubernetesApiError) return error;
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE.has(code)) {
    return new KubernetesApiError('unreachable', call, `${code}: ${unreachableFix(call.cluster)}`, {
      cause: error,
    });
  }
  if (TRANSIENT.has(code)) return new TransientNetworkError(`${code}: ${message}`, { cause: error });
  if (
    code.includes('CERT') ||
    code.includes('SIGNATURE') ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL')
  ) {
    return new KubernetesApiError(
      'tls',
      call,
      `the server's certificate does not verify against the cluster's CA (DescribeCluster ` +
        `certificateAuthority.data): ${safeText(code, { maxLength: 60 })}: ${safeText(message, { maxLength: 200 })}; ` +
        'Customs never skips this check',
      { cause: error },
    );
  }
  return new KubernetesApiError(
    'http',
    call,
    `the request failed: ${safeText(`${code} ${message}`, { maxLength: 300 })}`,
    {
      cause: error,
    },
  );
}

function tooLarge(call: KubernetesCall, maxBytes: number): KubernetesApiError {
  return new KubernetesApiError(
    'too-large',
    call,
    `the response is larger than the ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MiB) Customs reads of one page`,
  );
}

/**
 * One HTTPS GET over node:https: TLS verified by the agent's CA, the whole exchange bounded by
 * `timeoutMs`, the body by `maxBytes` (read no further). Rejects with a KubernetesApiError that
 * names the cluster and path, or a TransientNetworkError worth retrying.
 * @example const { status, body } = await httpsGet(call, new URL('https://127.0.0.1:6443/version'), options);
 */
export function httpsGet(call: KubernetesCall, url: URL, options: GetOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: unknown) => finish(() => reject(networkError(call, error)));
    const outgoing = request(url, { method: 'GET', agent: options.agent, headers: options.headers });
    const timer = setTimeout(() => {
      const timeout = new KubernetesApiError(
        'timeout',
        call,
        `no complete answer within ${options.timeoutMs} ms: ${unreachableFix(call.cluster)}`,
      );
      fail(timeout);
      outgoing.destroy(timeout);
    }, options.timeoutMs);
    outgoing.on('error', fail);
    outgoing.on('response', function readBody(incoming) {
      const declared = Number(incoming.headers['content-length'] ?? 0);
      if (declared > options.maxBytes) {
        fail(tooLarge(call, options.maxBytes));
        outgoing.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          fail(tooLarge(call, options.maxBytes));
          outgoing.destroy();
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('error', fail);
      incoming.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        finish(() => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
      });
    });
    outgoing.end();
  });
}
