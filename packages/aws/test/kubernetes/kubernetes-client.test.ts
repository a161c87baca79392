import { createServer } from 'node:net';
import { createKubernetesClient, KubernetesApiError, type KubernetesClientOptions } from '@customs/aws';
import {
  type FakeKubernetesApi,
  generateTestCertificates,
  startFakeKubernetesApi,
  TEST_CREDENTIALS,
} from '@customs/aws/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pod, pods, recordingSleep } from './helpers.js';

const PODS = '/api/v1/pods';
const DEPLOYMENTS = '/apis/apps/v1/deployments';

async function failure(promise: Promise<unknown>): Promise<KubernetesApiError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(KubernetesApiError);
  return caught as KubernetesApiError;
}

describe('createKubernetesClient against the fake API server', () => {
  let api: FakeKubernetesApi;
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'payments', namespace: 'shop', uid: 'uid-payments' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'payments' } },
      template: {
        metadata: { labels: { app: 'payments' } },
        spec: { containers: [{ name: 'app', image: 'payments:1' }] },
      },
    },
  };

  beforeAll(async () => {
    api = await startFakeKubernetesApi({
      clusterName: 'prod',
      store: { [PODS]: pods('shop', 10_000), [DEPLOYMENTS]: [deployment] },
      objects: { '/version': { major: '1', minor: '30', gitVersion: 'v1.30.4-eks-a737599' } },
    });
  });
  afterAll(async () => {
    await api.close();
  });
  afterEach(() => {
    api.clearFaults();
  });

  function client(options: Partial<KubernetesClientOptions> = {}) {
    return createKubernetesClient(api.cluster, {
      credentials: TEST_CREDENTIALS,
      sleep: recordingSleep().sleep,
      ...options,
    });
  }

  function requestsSince(start: number) {
    return api.requests.slice(start);
  }

  it('lists 10,000 pods of one namespace in 20 pages of 500, every item once, in order', async () => {
    // Prepare
    const start = api.requests.length;
    // Act
    const list = await client().list('/api/v1/namespaces/shop/pods');
    // Assess
    expect(list.items).toHaveLength(10_000);
    expect(new Set(list.items.map((item) => (item.metadata as { name: string }).name)).size).toBe(10_000);
    expect(list.items[9_999]).toMatchObject({ metadata: { name: 'pod-09999' } });
    expect(list).toMatchObject({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1000' } });
    const made = requestsSince(start);
    expect(made).toHaveLength(20);
    expect(made.every((request) => request.query.limit === '500' && request.status === 200)).toBe(true);
    expect(made[0]?.query.continue).toBeUndefined();
    expect(made.slice(1).every((request) => typeof request.query.continue === 'string')).toBe(true);
  });

  it('pages with the limit it is given', async () => {
    const start = api.requests.length;
    const list = await client({ pageLimit: 3000 }).list(PODS);
    expect(list.items).toHaveLength(10_000);
    expect(requestsSince(start)).toHaveLength(4);
  });

  it('restarts the listing from the first page when a continue token expires (410 Gone)', async () => {
    // Prepare
    api.fault({ kind: 'expire-continue', path: PODS });
    const start = api.requests.length;
    // Act
    const list = await client({ pageLimit: 4000 }).list(PODS);
    // Assess: page 1, page 2 → 410, then pages 1, 2, 3 again
    expect(list.items).toHaveLength(10_000);
    expect(
      requestsSince(start).map((request) => [request.status, request.query.continue === undefined]),
    ).toEqual([
      [200, true],
      [410, false],
      [200, true],
      [200, false],
      [200, false],
    ]);
  });

  it('gives up after 3 restarts with an error naming the cluster and path', async () => {
    // Prepare
    api.fault({ kind: 'expire-continue', path: PODS, times: 4 });
    const start = api.requests.length;
    // Act
    const error = await failure(client({ pageLimit: 4000 }).list(PODS));
    // Assess
    expect(error).toMatchObject({ problem: 'expired', status: 410, cluster: 'prod', path: PODS });
    expect(error.message).toContain('EKS cluster prod: GET /api/v1/pods');
    expect(error.message).toContain('restarted from the first page 3 times');
    expect(requestsSince(start).filter((request) => request.status === 410)).toHaveLength(4);
  });

  it('serves namespaced lists and single objects from the items, and undefined for a 404', async () => {
    const c = client();
    expect((await c.list('/apis/apps/v1/namespaces/shop/deployments')).items).toEqual([deployment]);
    expect((await c.list('/apis/apps/v1/namespaces/other/deployments')).items).toEqual([]);
    expect(await c.get('/apis/apps/v1/namespaces/shop/deployments/payments')).toEqual(deployment);
    expect(await c.get('/apis/apps/v1/namespaces/shop/deployments/gone')).toBeUndefined();
    expect(await c.get('/version')).toMatchObject({ major: '1', minor: '30' });
  });

  it('says so when an HTML page answers instead of the API (a proxy), naming cluster and path', async () => {
    // Prepare
    api.fault({ kind: 'html', path: DEPLOYMENTS });
    // Act
    const error = await failure(client().list(DEPLOYMENTS));
    // Assess
    expect(error).toMatchObject({
      problem: 'not-json',
      kind: 'internal',
      cluster: 'prod',
      path: DEPLOYMENTS,
    });
    expect(error.message).toMatch(
      /^Kubernetes API of EKS cluster prod: GET \/apis\/apps\/v1\/deployments: answered HTML, not JSON/,
    );
    expect(error.message).toContain('<!DOCTYPE html>');
    expect(error.message.length).toBeLessThan(600);
  });

  it('says so when a List has no items array', async () => {
    // Prepare
    const other = await startFakeKubernetesApi({
      clusterName: 'prod',
      certificates: api.certificates,
      objects: { [PODS]: { kind: 'PodList', metadata: {} } },
    });
    // Act
    const error = await failure(
      createKubernetesClient(other.cluster, { credentials: TEST_CREDENTIALS }).list(PODS),
    );
    await other.close();
    // Assess
    expect(error).toMatchObject({ problem: 'not-a-list', path: PODS });
    expect(error.message).toContain('no items array (kind PodList)');
  });

  it('says which item of a List is not an object, without serialising it', async () => {
    // Prepare: a deeply nested array among the items
    let deep: unknown = [];
    for (let depth = 0; depth < 2000; depth++) deep = [deep];
    const other = await startFakeKubernetesApi({
      clusterName: 'prod',
      certificates: api.certificates,
      objects: { [PODS]: { kind: 'PodList', metadata: {}, items: [pod('shop', 'a'), deep] } },
    });
    // Act
    const error = await failure(
      createKubernetesClient(other.cluster, { credentials: TEST_CREDENTIALS }).list(PODS),
    );
    await other.close();
    // Assess
    expect(error).toMatchObject({ problem: 'not-a-list', path: PODS });
    expect(error.message).toContain('item 1 of the List is an array, not an object');
  });

  it('refuses an endpoint that is not https, before sending anything', async () => {
    const start = api.requests.length;
    const plain = createKubernetesClient(
      { ...api.cluster, endpoint: api.cluster.endpoint.replace('https:', 'http:') },
      { credentials: TEST_CREDENTIALS },
    );
    const error = await failure(plain.get('/version'));
    expect(error).toMatchObject({ problem: 'bad-request', kind: 'input' });
    expect(error.message).toContain('is not an https:// URL');
    expect(api.requests.length).toBe(start);
  });

  it('turns a 403 into access denied with the access-entry fix', async () => {
    // Prepare
    api.fault({ kind: 'forbidden', path: DEPLOYMENTS });
    // Act
    const error = await failure(
      client({ principal: 'arn:aws:iam::111122223333:role/customs-collector' }).list(DEPLOYMENTS),
    );
    // Assess
    expect(error).toMatchObject({ kind: 'access-denied', problem: 'access-denied', status: 403 });
    expect(error.message).toContain('forbidden (403): Forbidden: deployments is forbidden');
    expect(error.message).toContain(
      'create an access entry for arn:aws:iam::111122223333:role/customs-collector with AmazonEKSViewPolicy: ' +
        'aws eks create-access-entry --cluster-name prod --principal-arn arn:aws:iam::111122223333:role/customs-collector --region eu-west-1 ' +
        '&& aws eks associate-access-policy --cluster-name prod --principal-arn arn:aws:iam::111122223333:role/customs-collector --region eu-west-1 ' +
        '--policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster',
    );
  });

  it('says AmazonEKSViewPolicy does not read RBAC when an RBAC list is forbidden', async () => {
    api.fault({ kind: 'forbidden', path: '/apis/rbac.authorization.k8s.io/' });
    const error = await failure(client().list('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings'));
    expect(error.message).toContain('AmazonEKSViewPolicy does not read RBAC objects');
  });

  it('retries 5xx and 429 with backoff, honouring Retry-After, then answers', async () => {
    // Prepare
    api.fault({ kind: 'status', status: 503, path: '/version' });
    api.fault({ kind: 'status', status: 429, path: '/version', retryAfter: '2' });
    const recorded = recordingSleep();
    const start = api.requests.length;
    // Act
    const version = await client({ sleep: recorded.sleep }).get('/version');
    // Assess
    expect(version).toMatchObject({ major: '1' });
    expect(requestsSince(start).map((request) => request.status)).toEqual([503, 429, 200]);
    expect(recorded.waits).toHaveLength(2);
    expect(recorded.waits[0]).toBeLessThanOrEqual(250);
    expect(recorded.waits[1]).toBe(2000);
  });

  it('bounds the retries and the Retry-After it honours', async () => {
    // Prepare
    api.fault({ kind: 'status', status: 429, path: '/version', times: 10, retryAfter: '3600' });
    const recorded = recordingSleep();
    const start = api.requests.length;
    // Act
    const error = await failure(client({ sleep: recorded.sleep }).get('/version'));
    // Assess
    expect(error).toMatchObject({ problem: 'throttled', kind: 'throttled', status: 429 });
    expect(requestsSince(start)).toHaveLength(4);
    expect(recorded.waits).toEqual([10_000, 10_000, 10_000]);
  });

  it('tries again when the connection is reset, and names the endpoint when it keeps failing', async () => {
    // Prepare
    api.fault({ kind: 'reset', path: '/version' });
    const recovered = await client().get('/version');
    api.fault({ kind: 'reset', path: '/version', times: 4 });
    const start = api.requests.length;
    // Act
    const error = await failure(client().get('/version'));
    // Assess
    expect(recovered).toMatchObject({ major: '1' });
    expect(error).toMatchObject({ problem: 'unreachable', path: '/version' });
    expect(error.message).toContain('the connection kept failing');
    expect(error.message).toContain('a private endpoint?');
    expect(requestsSince(start).map((request) => request.status)).toEqual([0, 0, 0, 0]);
  });

  it('keeps at most 4 requests in flight to one cluster (and the number it is given)', async () => {
    // Prepare: each answer waits, so requests pile up at the server if the client lets them
    const c = client();
    api.fault({ kind: 'delay', ms: 40, path: '/version', times: 12 });
    // Act
    const answers = await Promise.all(Array.from({ length: 12 }, () => c.get('/version')));
    const defaultPeak = api.peakInFlight;
    // Assess
    expect(answers.every((answer) => answer?.major === '1')).toBe(true);
    expect(defaultPeak).toBe(4);
  });

  it('refuses a response larger than its cap, naming the cap', async () => {
    api.fault({ kind: 'large', bytes: 10_000, path: '/api/v1/namespaces/shop/pods' });
    const error = await failure(client({ maxResponseBytes: 4096 }).list('/api/v1/namespaces/shop/pods'));
    expect(error).toMatchObject({ problem: 'too-large', path: '/api/v1/namespaces/shop/pods' });
    expect(error.message).toContain('larger than the 4096 bytes');
  });

  it('times out a request that takes too long', async () => {
    api.fault({ kind: 'delay', ms: 1000, path: '/version' });
    const error = await failure(client({ timeoutMs: 50 }).get('/version'));
    expect(error).toMatchObject({ problem: 'timeout', path: '/version' });
    expect(error.message).toContain('a private endpoint?');
  });

  it('refuses a path that would leave the endpoint', async () => {
    const error = await failure(client().get('//evil.example.com/version'));
    expect(error.message).toContain('not an absolute API path');
    expect(api.requests.some((request) => request.path.includes('evil'))).toBe(false);
  });
});

describe('createKubernetesClient, TLS and reachability', () => {
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = await startFakeKubernetesApi({ clusterName: 'prod', store: { [PODS]: [pod('shop', 'a')] } });
    return () => api.close();
  });

  it('fails TLS against a server whose certificate another CA signed, and never reads it', async () => {
    // Prepare
    const other = await generateTestCertificates();
    const client = createKubernetesClient(
      { ...api.cluster, caData: other.caData },
      { credentials: TEST_CREDENTIALS },
    );
    // Act
    const error = await failure(client.list(PODS));
    // Assess
    expect(error).toMatchObject({ problem: 'tls', cluster: 'prod', path: PODS });
    expect(error.message).toContain("does not verify against the cluster's CA");
    expect(api.requests).toHaveLength(0);
  });

  it('refuses certificateAuthority.data that is not a base64 PEM', async () => {
    const client = createKubernetesClient(
      { ...api.cluster, caData: 'bm90IGEgY2VydA==' },
      { credentials: TEST_CREDENTIALS },
    );
    const error = await failure(client.list(PODS));
    expect(error).toMatchObject({ problem: 'tls' });
    expect(error.message).toContain('not a base64 PEM certificate');
  });

  it('names an unreachable endpoint and what to do (a private endpoint?)', async () => {
    // Prepare: a port nothing listens on
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createKubernetesClient(
      { ...api.cluster, endpoint: `https://127.0.0.1:${port}` },
      { credentials: TEST_CREDENTIALS },
    );
    // Act
    const error = await failure(client.list(PODS));
    // Assess
    expect(error).toMatchObject({ problem: 'unreachable', kind: 'internal', cluster: 'prod' });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(
      "a private endpoint? run Customs where it can reach the cluster's VPC, or enable the public endpoint for Customs' address",
    );
  });

  it('honours a smaller concurrency', async () => {
    const client = createKubernetesClient(api.cluster, { credentials: TEST_CREDENTIALS, concurrency: 2 });
    api.fault({ kind: 'delay', ms: 40, times: 6 });
    await Promise.all(Array.from({ length: 6 }, () => client.list(PODS)));
    expect(api.peakInFlight).toBe(2);
  });

  it("holds every answer for latencyMs (the benchmark's network), so concurrent requests overlap up to the bound", async () => {
    // Prepare
    const slow = await startFakeKubernetesApi({
      certificates: api.certificates,
      latencyMs: 30,
      store: { [PODS]: [pod('shop', 'a')] },
    });
    const client = createKubernetesClient(slow.cluster, { credentials: TEST_CREDENTIALS });
    // Act
    await Promise.all(Array.from({ length: 8 }, () => client.list(PODS)));
    await slow.close();
    // Assess
    expect(slow.requests).toHaveLength(8);
    expect(slow.peakInFlight).toBe(4);
  });
});
