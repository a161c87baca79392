import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding } from '../../../store/test/helpers/findings.js';
import { authorizationFor } from '../../src/cli/commands/findings.js';
import { executeApiRegion } from '../../src/cli/sigv4.js';
import { runCli } from './run-cli.js';

/** AWS's documented example credentials, read by the default chain from the environment. */
const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN',
  AWS_REGION: 'eu-west-1',
};
const PROD = {
  ...finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  state: 'OPEN',
  version: 1,
  firstSeenAt: at(0),
  lastChangedAt: at(0),
  lastEvaluatedAt: at(0),
};
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/(\d{8})\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** An API that records each request and answers like API Gateway (200 with a page, or 403). */
function startApi(answer: () => { status: number; body: unknown }) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const { status, body } = answer();
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise<{ url: string; received: Received[]; server: Server }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, received, server });
    });
  });
}

/** SHA-256 and its HMAC for the verifying signer, written apart from the CLI's own. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
function bytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}
class NodeSha256 {
  readonly #chunks: Uint8Array[] = [];
  readonly #secret: Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : bytes(secret);
  }
  update(data: SourceData): void {
    this.#chunks.push(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    const hash = this.#secret ? createHmac('sha256', this.#secret) : createHash('sha256');
    for (const chunk of this.#chunks) hash.update(chunk);
    return new Uint8Array(hash.digest());
  }
}

/** Signs what the server received again, at the time it says it was signed: the signature AWS computes. */
async function expectedAuthorization(request: Received): Promise<string> {
  const url = new URL(request.url, `http://${request.headers.host}`);
  const [, , signedHeaders = ''] = AUTHORIZATION.exec(String(request.headers.authorization)) ?? [];
  const sent = Object.fromEntries(
    signedHeaders.split(';').map((name) => [name, String(request.headers[name])] as const),
  );
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      sessionToken: CREDENTIALS.AWS_SESSION_TOKEN,
    },
    region: 'eu-west-1',
    service: 'execute-api',
    sha256: NodeSha256,
  });
  const stamp = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
  );
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: sent,
    },
    { signingDate },
  );
  return String(signed.headers.authorization);
}

describe('customs findings --api (SigV4)', () => {
  const saved = { ...process.env };
  let api: Awaited<ReturnType<typeof startApi>>;
  let status = 200;

  beforeAll(async () => {
    Object.assign(process.env, CREDENTIALS);
    delete process.env.CUSTOMS_API_TOKEN;
    api = await startApi(() =>
      status === 200 ? { status, body: { findings: [PROD] } } : { status, body: { message: 'Forbidden' } },
    );
  });
  afterEach(() => {
    api.received.length = 0;
    status = 200;
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => api.server.close(resolve));
  });

  it('signs each request for execute-api with the default credentials, as AWS checks it', async () => {
    // Act
    const { code, stdout, stderr } = await runCli(
      'findings',
      '--api',
      api.url,
      '--sigv4',
      '--severity',
      'HIGH',
      '--format',
      'json',
    );

    // Assess
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { findings: { id: string }[] }).findings.map((each) => each.id)).toEqual([
      PROD.id,
    ]);
    const [request] = api.received;
    if (!request) throw new Error('the API received no request');
    const [, date, signedHeaders] = AUTHORIZATION.exec(String(request.headers.authorization)) ?? [];
    expect(date).toBe(String(request.headers['x-amz-date']).slice(0, 8));
    expect(signedHeaders?.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-date']));
    expect(request.headers['x-amz-security-token']).toBe(CREDENTIALS.AWS_SESSION_TOKEN);
    // The CLI sends the filter as given: the API reads enumerations in any case.
    expect(request.url).toBe('/findings?severity=HIGH&limit=1000');
    expect(request.headers.authorization).toBe(await expectedAuthorization(request));
  });

  it('signs for the region of an API Gateway endpoint, without being asked to', async () => {
    // Prepare
    const url = new URL('https://r3pmxmplak.execute-api.ap-southeast-2.amazonaws.com/findings?limit=1000');

    // Act
    const headers = await authorizationFor(url, {}, { ...process.env, AWS_REGION: 'eu-west-1' }).headers(url);

    // Assess
    expect(executeApiRegion(url)).toBe('ap-southeast-2');
    expect(headers.authorization).toMatch(
      /Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/ap-southeast-2\/execute-api\//,
    );
    expect(headers.authorization).not.toContain('Bearer');
  });

  it('keeps the bearer token for a local stack and says what a refused signature needs', async () => {
    // Prepare
    const local = authorizationFor(new URL(api.url), { token: 'cli-token-93b1' }, process.env);
    status = 403;

    // Act
    const refused = await runCli('findings', '--api', api.url, '--sigv4');

    // Assess
    expect(await local.headers(new URL(api.url))).toMatchObject({ authorization: 'Bearer cli-token-93b1' });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      'customs: the API refused the signed request (Forbidden): the AWS credentials need execute-api:Invoke on the API (see docs/deploy.md)\n',
    );
  });
});
