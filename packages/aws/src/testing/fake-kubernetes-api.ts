import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KubernetesCluster } from '../kubernetes/index.js';
import { generateTestCertificates, type TestCertificates } from './certificates.js';
import { pageList } from './fake-list.js';
import { type FakeStore, type KubeObject, resolvePath, statusBody } from './fake-store.js';
import { type StaticCredentials, TEST_CREDENTIALS, verifyEksToken } from './verify-token.js';

/** Something the fake server does instead of (or before) answering normally, to matching requests. */
export type FakeFault = (
  | { kind: 'expire-continue' }
  | { kind: 'html' }
  | { kind: 'forbidden' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'large'; bytes: number }
  | { kind: 'reset' }
) & {
  /** Only requests whose path starts with this (else every request). */
  path?: string;
  /** How many matching requests it applies to [1]. */
  times?: number;
};

/** How the fake Kubernetes API is started. */
export interface FakeKubernetesApiOptions {
  /** The cluster's name, which tokens must be signed for (`x-k8s-aws-id`) ['customs-test']. */
  clusterName?: string;
  /** The region the cluster is in ['eu-west-1']. */
  region?: string;
  /** The credentials tokens must be signed with [TEST_CREDENTIALS]. */
  credentials?: StaticCredentials;
  /** List paths to items; namespaced and single-object paths are derived from them. */
  store?: FakeStore;
  /** Exact paths answered with one object, e.g. `/version`. */
  objects?: Record<string, KubeObject>;
  /** The server's clock for the token's age [`() => new Date()`]. */
  now?: () => Date;
  /** A CA and server certificate (else generated; share one set between servers to save the time). */
  certificates?: TestCertificates;
  /** Milliseconds every verified request waits before its answer (a network's latency) [0]. */
  latencyMs?: number;
}

/** One request the server answered. */
export interface FakeRequest {
  path: string;
  query: Record<string, string>;
  /** The status answered; 0 when the fault `reset` closed the connection instead. */
  status: number;
  /** The `X-Amz-Date` of the accepted token (never the token itself), or the reason it was refused. */
  token: { signedAt: string } | { refused: string };
}

/** A running fake Kubernetes API server on 127.0.0.1. */
export interface FakeKubernetesApi {
  /** The cluster as DescribeCluster would tell it: name, `https://127.0.0.1:<port>`, CA data, region. */
  readonly cluster: KubernetesCluster;
  readonly certificates: TestCertificates;
  /** The store; tests may change it between requests. */
  readonly store: FakeStore;
  /** Every request answered, in order. */
  readonly requests: readonly FakeRequest[];
  /** The most requests that were in flight at once. */
  readonly peakInFlight: number;
  /** Queues a fault for the next matching request(s). */
  fault(fault: FakeFault): void;
  /** Drops the queued faults no request has used up. */
  clearFaults(): void;
  close(): Promise<void>;
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Proxy</h1></body></html>';

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

interface Answered {
  status: number;
  token: FakeRequest['token'];
}

/**
 * Starts an HTTPS server on 127.0.0.1 (a CA and server certificate generated for it) that plays an
 * EKS cluster's Kubernetes API: it verifies each request's bearer token as aws-iam-authenticator
 * and STS would (401 otherwise), serves the store's objects (cluster-wide lists, namespaced lists
 * and single objects), pages lists with `limit`/`continue`, counts requests and their peak
 * concurrency, and plays queued faults (an expired continue token, HTML, 403, a status, a delay,
 * an oversized body, a reset connection).
 * @example
 * const api = await startFakeKubernetesApi({ store: { '/api/v1/pods': pods } });
 * const client = createKubernetesClient(api.cluster, { credentials: TEST_CREDENTIALS });
 * await client.list('/api/v1/pods'); await api.close();
 */
export async function startFakeKubernetesApi(
  options: FakeKubernetesApiOptions = {},
): Promise<FakeKubernetesApi> {
  const certificates = options.certificates ?? (await generateTestCertificates());
  const clusterName = options.clusterName ?? 'customs-test';
  const credentials = options.credentials ?? TEST_CREDENTIALS;
  const now = options.now ?? (() => new Date());
  const store = options.store ?? {};
  const objects = options.objects ?? {};
  const requests: FakeRequest[] = [];
  const faults: (FakeFault & { left: number })[] = [];
  let inFlight = 0;
  let peakInFlight = 0;

  function takeFault(path: string, kinds: FakeFault['kind'][]): FakeFault | undefined {
    const index = faults.findIndex(
      (f) => kinds.includes(f.kind) && (f.path === undefined || path.startsWith(f.path)),
    );
    const found = faults[index];
    if (!found) return undefined;
    found.left -= 1;
    if (found.left <= 0) faults.splice(index, 1);
    return found;
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<Answered> {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const path = url.pathname;
    const authorization = request.headers.authorization ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
    const verdict = verifyEksToken(token, { clusterName, credentials, now: now() });
    if (!verdict.ok) {
      send(response, 401, statusBody(401, 'Unauthorized', 'Unauthorized'));
      return { status: 401, token: { refused: verdict.reason } };
    }
    const status = await answerVerified(path, url.searchParams, response);
    return { status, token: { signedAt: verdict.amzDate } };
  }

  async function answerVerified(
    path: string,
    query: URLSearchParams,
    response: ServerResponse,
  ): Promise<number> {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const fault = takeFault(path, ['delay', 'html', 'forbidden', 'status', 'large', 'reset']);
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'reset') {
      response.socket?.destroy();
      return 0;
    }
    if (fault?.kind === 'html') {
      send(response, 200, HTML_PAGE);
      return 200;
    }
    if (fault?.kind === 'forbidden') {
      const resource = path.split('/').at(-1) ?? '';
      const message = `${resource} is forbidden: User "arn:aws:sts::111122223333:assumed-role/customs/customs" cannot list resource "${resource}" at the cluster scope`;
      send(response, 403, statusBody(403, 'Forbidden', message));
      return 403;
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
      send(
        response,
        fault.status,
        statusBody(fault.status, 'InternalError', 'injected by the test'),
        headers,
      );
      return fault.status;
    }
    if (fault?.kind === 'large') {
      send(response, 200, {
        kind: 'List',
        apiVersion: 'v1',
        metadata: {},
        items: [{ padding: 'x'.repeat(fault.bytes) }],
      });
      return 200;
    }
    const resolved = resolvePath(store, objects, path);
    if (resolved.kind === 'missing') {
      send(
        response,
        404,
        statusBody(404, 'NotFound', `the server could not find the requested resource (${path})`),
      );
      return 404;
    }
    if (resolved.kind === 'object') {
      send(response, 200, resolved.body);
      return 200;
    }
    const listed = pageList(
      resolved.listPath,
      path,
      resolved.items,
      query,
      () => takeFault(path, ['expire-continue']) !== undefined,
    );
    send(response, listed.status, listed.body);
    return listed.status;
  }

  const server: Server = createServer(
    { key: certificates.serverKey, cert: certificates.serverCert },
    function handleRequest(request, response) {
      inFlight += 1;
      peakInFlight = Math.max(peakInFlight, inFlight);
      const url = new URL(request.url ?? '/', 'https://127.0.0.1');
      answer(request, response)
        .then(({ status, token }) =>
          requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), status, token }),
        )
        .catch((error: unknown) => send(response, 500, statusBody(500, 'InternalError', String(error))))
        .finally(() => {
          inFlight -= 1;
        });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cluster: KubernetesCluster = {
    name: clusterName,
    endpoint: `https://127.0.0.1:${port}`,
    caData: certificates.caData,
    region: options.region ?? 'eu-west-1',
  };
  return {
    cluster,
    certificates,
    store,
    requests,
    get peakInFlight() {
      return peakInFlight;
    },
    fault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
