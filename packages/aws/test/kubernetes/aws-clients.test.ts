import { createAwsClients } from '@customs/aws';
import { type FakeKubernetesApi, startFakeKubernetesApi, TEST_CREDENTIALS } from '@customs/aws/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pods } from './helpers.js';

describe('AwsClients.kubernetes', () => {
  let api: FakeKubernetesApi;
  let other: FakeKubernetesApi;

  beforeAll(async () => {
    api = await startFakeKubernetesApi({ clusterName: 'prod', store: { '/api/v1/pods': pods('shop', 3) } });
    other = await startFakeKubernetesApi({
      clusterName: 'staging',
      certificates: api.certificates,
      store: { '/api/v1/pods': pods('web', 1) },
    });
  });
  afterAll(async () => {
    await api.close();
    await other.close();
  });
  beforeEach(() => {
    // The SDK's default chain reads them first: the same credentials the AWS clients sign with.
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_PROFILE', '');
    return () => vi.unstubAllEnvs();
  });

  it("reads a cluster's API with a token signed by the clients' own credential chain", async () => {
    // Prepare
    const clients = createAwsClients({ region: 'eu-west-1' });
    // Act
    const list = await clients.kubernetes(api.cluster).list('/api/v1/pods');
    // Assess
    expect(list.items).toHaveLength(3);
    expect(api.requests.at(-1)).toMatchObject({ status: 200, token: { signedAt: expect.any(String) } });
  });

  it('makes one client per cluster and reuses it', () => {
    // Prepare
    const clients = createAwsClients({ region: 'eu-west-1' });
    // Act
    const first = clients.kubernetes(api.cluster);
    const again = clients.kubernetes({ ...api.cluster });
    const staging = clients.kubernetes(other.cluster);
    // Assess
    expect(again).toBe(first);
    expect(staging).not.toBe(first);
  });

  it("signs each cluster's token with that cluster's name", async () => {
    const clients = createAwsClients({ region: 'eu-west-1' });
    const [prod, staging] = await Promise.all([
      clients.kubernetes(api.cluster).list('/api/v1/pods'),
      clients.kubernetes(other.cluster).list('/api/v1/pods'),
    ]);
    expect([prod.items.length, staging.items.length]).toEqual([3, 1]);
  });
});
