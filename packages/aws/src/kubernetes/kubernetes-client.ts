import { Agent } from 'node:https';
import { safeText } from '@customs/core';
import { createLimiter } from '../live/limiter.js';
import {
  DEFAULT_CLUSTER_CONCURRENCY,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_PAGE_LIMIT,
  DEFAULT_REQUEST_TIMEOUT_MS,
  MAX_LIST_PAGES,
  MAX_LIST_RESTARTS,
} from './constants.js';
import { tokenSource } from './eks-token.js';
import { KubernetesApiError, type KubernetesCall, unreachableFix } from './errors.js';
import { httpsGet, type RawResponse, TransientNetworkError } from './https-get.js';
import { jsonObject, listPage, statusError } from './response.js';
import { backoffMs, retryable, sleep } from './retry.js';
import type {
  KubernetesClient,
  KubernetesClientOptions,
  KubernetesCluster,
  KubernetesList,
} from './types.js';

const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';

/** The endpoint's origin, checked: https only. */
function endpointOrigin(call: KubernetesCall): URL {
  const { endpoint } = call.cluster;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') {
    throw new KubernetesApiError(
      'bad-request',
      call,
      `the endpoint ${safeText(endpoint, { maxLength: 200 })} (DescribeCluster cluster.endpoint) is not an https:// URL`,
    );
  }
  return url;
}

/** The URL of an API path on the cluster's endpoint; refuses a path that would leave it. */
function pathUrl(call: KubernetesCall): URL {
  const origin = endpointOrigin(call);
  const { path } = call;
  const url = path.startsWith('/') && !path.startsWith('//') ? new URL(path, origin) : undefined;
  if (!url || url.origin !== origin.origin || path.includes('\\')) {
    throw new KubernetesApiError('bad-request', call, 'not an absolute API path (it must start with one /)');
  }
  return url;
}

/** The cluster CA as PEM, from DescribeCluster's base64 `certificateAuthority.data`. */
function caPem(cluster: KubernetesCluster, call: KubernetesCall): string {
  const pem = Buffer.from(cluster.caData ?? '', 'base64').toString('utf8');
  if (!pem.includes(PEM_BEGIN)) {
    throw new KubernetesApiError(
      'tls',
      call,
      "the cluster's certificateAuthority.data (DescribeCluster) is not a base64 PEM certificate, so the server cannot be verified",
    );
  }
  return pem;
}

/**
 * A client of one EKS cluster's Kubernetes API over node:https: TLS verified against the cluster CA
 * (never disabled); `Authorization: Bearer` an EKS token (cached, re-minted before it expires);
 * at most `concurrency` requests in flight; 429 and 5xx retried with backoff (`Retry-After`
 * honoured); `list` pages with `limit`/`continue` and restarts (at most 3 times) when a continue
 * token expires (410 Gone). Every failure is a KubernetesApiError naming the cluster and path.
 * @example
 * const client = createKubernetesClient(cluster, { credentials: eks.config.credentials });
 * const { items } = await client.list('/apis/apps/v1/deployments');
 */
export function createKubernetesClient(
  cluster: KubernetesCluster,
  options: KubernetesClientOptions,
): KubernetesClient {
  const concurrency = options.concurrency ?? DEFAULT_CLUSTER_CONCURRENCY;
  const limiter = createLimiter(concurrency);
  const tokens = tokenSource(cluster, options.credentials, options.now);
  const pageLimit = options.pageLimit ?? DEFAULT_PAGE_LIMIT;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const wait = options.sleep ?? sleep;
  let agent: Agent | undefined;

  function agentFor(call: KubernetesCall): Agent {
    agent ??= new Agent({ keepAlive: true, maxSockets: concurrency, ca: caPem(cluster, call) });
    return agent;
  }

  async function bearer(call: KubernetesCall): Promise<string> {
    try {
      return await tokens.token();
    } catch (error) {
      const why = safeText(error instanceof Error ? error.message : String(error), { maxLength: 300 });
      throw new KubernetesApiError(
        'credentials',
        call,
        `cannot sign an EKS token with AWS credentials (${why}): configure them, e.g. AWS_PROFILE`,
        { cause: error },
      );
    }
  }

  /** One attempt: the answer, or the connection error worth another attempt. */
  async function attempt(call: KubernetesCall, url: URL): Promise<RawResponse | TransientNetworkError> {
    const headers = { authorization: `Bearer ${await bearer(call)}`, accept: 'application/json' };
    const getOptions = {
      agent: agentFor(call),
      headers,
      timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      maxBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    };
    try {
      return await limiter.run(() => httpsGet(call, url, getOptions));
    } catch (error) {
      if (error instanceof TransientNetworkError) return error;
      throw error;
    }
  }

  /** One GET, retried on 429, 5xx and a reset connection (waiting outside the limiter); any other answer resolves. */
  async function fetchWithRetries(call: KubernetesCall, url: URL): Promise<RawResponse> {
    for (let retry = 0; ; retry++) {
      const outcome = await attempt(call, url);
      const last = retry >= maxRetries;
      if (!(outcome instanceof TransientNetworkError)) {
        if (last || !retryable(outcome.status)) return outcome;
        await wait(backoffMs(retry, outcome.headers['retry-after'], Date.now()));
        continue;
      }
      if (last) {
        const why = `the connection kept failing (${outcome.message}): ${unreachableFix(call.cluster)}`;
        throw new KubernetesApiError('unreachable', call, why, { cause: outcome });
      }
      await wait(backoffMs(retry, undefined, Date.now()));
    }
  }

  async function get(path: string): Promise<Record<string, unknown> | undefined> {
    const call = { cluster, path };
    const response = await fetchWithRetries(call, pathUrl(call));
    if (response.status === 404) return undefined;
    if (response.status < 200 || response.status > 299) throw statusError(call, response, options.principal);
    return jsonObject(call, response);
  }

  /** Every page of one listing, or `undefined` when a continue token expired (410) on the way. */
  async function listOnce(call: KubernetesCall, base: URL): Promise<KubernetesList | undefined> {
    let merged: KubernetesList | undefined;
    let continueToken: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const url = new URL(base);
      url.searchParams.set('limit', String(pageLimit));
      if (continueToken !== undefined) url.searchParams.set('continue', continueToken);
      const response = await fetchWithRetries(call, url);
      if (response.status === 410 && continueToken !== undefined) return undefined;
      if (response.status < 200 || response.status > 299)
        throw statusError(call, response, options.principal);
      const next = listPage(call, response);
      if (!merged) merged = next.list;
      else for (const item of next.list.items) merged.items.push(item);
      continueToken = next.continueToken;
      if (continueToken === undefined) return merged;
    }
    throw new KubernetesApiError('http', call, `the listing did not end within ${MAX_LIST_PAGES} pages`);
  }

  async function list(path: string): Promise<KubernetesList> {
    const call = { cluster, path };
    const base = pathUrl(call);
    for (let restart = 0; restart <= MAX_LIST_RESTARTS; restart++) {
      const listed = await listOnce(call, base);
      if (listed) return listed;
    }
    throw new KubernetesApiError(
      'expired',
      call,
      `the listing's continue token expired (410 Gone) ${MAX_LIST_RESTARTS + 1} times; restarted from the first page ${MAX_LIST_RESTARTS} times: the objects change faster than Customs can page them, try again later`,
      { status: 410 },
    );
  }

  return { list, get };
}
