import {
  createEksToken,
  createKubernetesClient,
  KubernetesApiError,
  TOKEN_LIFETIME_MS,
  TOKEN_PREFIX,
} from '@customs/aws';
import {
  type FakeKubernetesApi,
  startFakeKubernetesApi,
  TEST_CREDENTIALS,
  verifyEksToken,
} from '@customs/aws/testing';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeSha256 } from '../../src/kubernetes/sha256.js';
import { decodeToken, encodeToken } from './helpers.js';

const CLUSTER = { name: 'prod', region: 'eu-west-1' };
const SIGNED_AT = new Date('2026-03-01T10:00:00.250Z');

describe('createEksToken', () => {
  it('makes the token aws eks get-token makes: k8s-aws-v1. + unpadded base64url of a presigned GetCallerIdentity URL', async () => {
    // Act
    const { token, expiresAt } = await createEksToken(CLUSTER, TEST_CREDENTIALS, SIGNED_AT);
    // Assess
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    const encoded = token.slice(TOKEN_PREFIX.length);
    expect(encoded).not.toContain('=');
    expect(encoded).not.toMatch(/[+/]/);
    const url = decodeToken(token);
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    expect([...url.searchParams.keys()]).toEqual([
      'Action',
      'Version',
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Expires',
      'X-Amz-SignedHeaders',
      'X-Amz-Signature',
    ]);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20260301/eu-west-1/sts/aws4_request',
      'X-Amz-Date': '20260301T100000Z',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
    });
    expect(query['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(expiresAt.toISOString()).toBe('2026-03-01T10:14:00.000Z');
    expect(expiresAt.getTime() - Date.parse('2026-03-01T10:00:00Z')).toBe(TOKEN_LIFETIME_MS);
  });

  it('carries the session token of temporary credentials, signed', async () => {
    // Prepare
    const credentials = { ...TEST_CREDENTIALS, sessionToken: 'FwoGZXIvYXdzEBYaD+session/token==' };
    // Act
    const { token } = await createEksToken(CLUSTER, credentials, SIGNED_AT);
    // Assess
    expect(decodeToken(token).searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    const now = new Date('2026-03-01T10:01:00Z');
    expect(verifyEksToken(token, { clusterName: 'prod', credentials, now })).toMatchObject({ ok: true });
  });

  it('uses the China partition STS host in cn- regions', async () => {
    const { token } = await createEksToken(
      { name: 'prod', region: 'cn-north-1' },
      TEST_CREDENTIALS,
      SIGNED_AT,
    );
    expect(decodeToken(token).host).toBe('sts.cn-north-1.amazonaws.com.cn');
  });
});

describe('verifyEksToken (what the fake API server checks, as aws-iam-authenticator and STS do)', () => {
  const expected = {
    clusterName: 'prod',
    credentials: TEST_CREDENTIALS,
    now: new Date('2026-03-01T10:05:00Z'),
  };

  it('accepts the token made for its cluster within 15 minutes', async () => {
    const { token } = await createEksToken(CLUSTER, TEST_CREDENTIALS, SIGNED_AT);
    expect(verifyEksToken(token, expected)).toEqual({
      ok: true,
      region: 'eu-west-1',
      amzDate: '20260301T100000Z',
    });
  });

  it('refuses a token for another cluster: its x-k8s-aws-id was signed with the other name', async () => {
    const { token } = await createEksToken({ ...CLUSTER, name: 'staging' }, TEST_CREDENTIALS, SIGNED_AT);
    expect(verifyEksToken(token, expected)).toEqual({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
  });

  it('refuses a token signed more than 15 minutes ago', async () => {
    const { token } = await createEksToken(CLUSTER, TEST_CREDENTIALS, new Date('2026-03-01T09:49:59Z'));
    expect(verifyEksToken(token, expected)).toEqual({
      ok: false,
      reason: 'X-Amz-Date is older than 15 minutes',
    });
  });

  it('refuses a presigned URL whose signed headers leave out x-k8s-aws-id', async () => {
    // Prepare: a correctly signed GetCallerIdentity, without the header
    const signer = new SignatureV4({
      credentials: TEST_CREDENTIALS,
      region: 'eu-west-1',
      service: 'sts',
      sha256: NodeSha256,
    });
    const host = 'sts.eu-west-1.amazonaws.com';
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: host,
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host },
      },
      { expiresIn: 60, signingDate: SIGNED_AT },
    );
    const url = new URL(`https://${host}/`);
    for (const [key, value] of Object.entries(presigned.query ?? {}))
      url.searchParams.set(key, String(value));
    // Act
    const verdict = verifyEksToken(encodeToken(url), expected);
    // Assess
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(verdict).toEqual({ ok: false, reason: 'x-k8s-aws-id is not a signed header' });
  });

  it('refuses a tampered signature, a tampered query, a foreign host, extra or repeated keys, padding', async () => {
    // Prepare
    const { token } = await createEksToken(CLUSTER, TEST_CREDENTIALS, SIGNED_AT);
    const url = decodeToken(token);
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const tamper = (change: (copy: URL) => void) => {
      const copy = new URL(url);
      change(copy);
      return verifyEksToken(encodeToken(copy), expected);
    };
    // Act + Assess
    expect(
      tamper((copy) =>
        copy.searchParams.set(
          'X-Amz-Signature',
          `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
        ),
      ),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('signature') });
    expect(tamper((copy) => copy.searchParams.set('X-Amz-Expires', '61'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
    expect(tamper((copy) => copy.searchParams.set('X-Amz-Expires', '901'))).toMatchObject({
      ok: false,
      reason: 'X-Amz-Expires is not 0..900',
    });
    expect(tamper((copy) => copy.searchParams.set('Action', 'AssumeRole'))).toMatchObject({
      ok: false,
      reason: 'Action is not GetCallerIdentity',
    });
    expect(
      tamper((copy) => {
        copy.host = 'sts.example.com';
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('not an STS host') });
    expect(
      tamper((copy) => {
        copy.protocol = 'http:';
      }),
    ).toMatchObject({ ok: false, reason: 'the URL is not https' });
    expect(
      tamper((copy) => {
        copy.pathname = '/other';
      }),
    ).toMatchObject({ ok: false, reason: 'the URL path is not /' });
    expect(tamper((copy) => copy.searchParams.append('Foo', 'bar'))).toMatchObject({
      ok: false,
      reason: 'query key Foo is not allowed',
    });
    expect(tamper((copy) => copy.searchParams.append('Action', 'GetCallerIdentity'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('more than once'),
    });
    expect(verifyEksToken(`${token}==`, expected)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('base64url'),
    });
    expect(verifyEksToken(token.slice(TOKEN_PREFIX.length), expected)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('prefix'),
    });
    expect(verifyEksToken(`${TOKEN_PREFIX}${'A'.repeat(4096)}`, expected)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('4096'),
    });
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await createEksToken(
      CLUSTER,
      { ...TEST_CREDENTIALS, secretAccessKey: 'another-secret' },
      SIGNED_AT,
    );
    expect(verifyEksToken(token, expected)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signature'),
    });
  });
});

describe('the client authenticates to the fake API server', () => {
  let api: FakeKubernetesApi;
  let clock = new Date('2026-03-01T10:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    api = await startFakeKubernetesApi({
      clusterName: 'prod',
      now,
      objects: { '/version': { major: '1', minor: '30', gitVersion: 'v1.30.4-eks-a737599' } },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is accepted by the server with the token it signs for the cluster', async () => {
    // Prepare
    const client = createKubernetesClient(api.cluster, { credentials: TEST_CREDENTIALS, now });
    // Act
    const version = await client.get('/version');
    // Assess
    expect(version).toMatchObject({ gitVersion: 'v1.30.4-eks-a737599' });
    expect(api.requests.at(-1)).toMatchObject({
      path: '/version',
      status: 200,
      token: { signedAt: '20260301T100000Z' },
    });
  });

  it('is refused (401 → access denied, with the access-entry fix) when its token is for another cluster', async () => {
    // Prepare
    const client = createKubernetesClient(
      { ...api.cluster, name: 'staging' },
      { credentials: TEST_CREDENTIALS, now },
    );
    // Act
    const error = await client.get('/version').catch((caught: unknown) => caught);
    // Assess
    expect(error).toBeInstanceOf(KubernetesApiError);
    expect(error).toMatchObject({ kind: 'access-denied', problem: 'access-denied', status: 401 });
    expect((error as Error).message).toContain('aws eks create-access-entry --cluster-name staging');
    expect(api.requests.at(-1)).toMatchObject({
      status: 401,
      token: { refused: expect.stringContaining('signature') },
    });
  });

  it('keeps its token until 14 minutes after signing, then signs a new one the server accepts', async () => {
    // Prepare
    clock = new Date('2026-03-01T11:00:00Z');
    const client = createKubernetesClient(api.cluster, { credentials: TEST_CREDENTIALS, now });
    await client.get('/version');
    // Act
    clock = new Date('2026-03-01T11:13:59Z');
    await client.get('/version');
    clock = new Date('2026-03-01T11:14:00Z');
    await client.get('/version');
    clock = new Date('2026-03-01T11:29:00Z');
    await client.get('/version');
    // Assess
    expect(api.requests.slice(-4).map((request) => request.token)).toEqual([
      { signedAt: '20260301T110000Z' },
      { signedAt: '20260301T110000Z' },
      { signedAt: '20260301T111400Z' },
      { signedAt: '20260301T112900Z' },
    ]);
    expect(api.requests.slice(-4).every((request) => request.status === 200)).toBe(true);
  });

  it('would be refused with a token past 15 minutes: the server checks the date', async () => {
    // Prepare
    clock = new Date('2026-03-01T12:00:00Z');
    const { token } = await createEksToken(api.cluster, TEST_CREDENTIALS, clock);
    // Act
    const verdict = verifyEksToken(token, {
      clusterName: 'prod',
      credentials: TEST_CREDENTIALS,
      now: new Date('2026-03-01T12:15:01Z'),
    });
    // Assess
    expect(verdict).toMatchObject({ ok: false, reason: 'X-Amz-Date is older than 15 minutes' });
  });
});
