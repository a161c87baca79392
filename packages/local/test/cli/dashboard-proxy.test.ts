import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDashboard } from '../../src/cli/commands/dashboard.js';
import { findFreePort } from '../../src/index.js';
import type { SigningProxy } from '../../src/proxy/index.js';
import { runCli } from './run-cli.js';
import { CREDENTIALS, expectedAuthorization, type Received, startApi } from './sigv4-api.js';

type ApiAnswer = { status: number; body: unknown; headers?: Record<string, string> };
const SECRETS = [CREDENTIALS.AWS_SECRET_ACCESS_KEY, CREDENTIALS.AWS_SESSION_TOKEN];

/** One raw request to the proxy: any request target and Host header, as a hostile client sends them. */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('customs dashboard: the UI and a SigV4-signing proxy to the deployed API', () => {
  const saved = { ...process.env };
  const warnings: string[] = [];
  const said: string[] = [];
  const ui: string[] = [];
  let api: Awaited<ReturnType<typeof startApi>>;
  let proxy: SigningProxy;
  let port: number;

  beforeAll(async () => {
    Object.assign(process.env, CREDENTIALS);
    // The loopback "API Gateway" checks each signature as AWS does: 403 when it is not right.
    api = await startApi(async (request: Received): Promise<ApiAnswer> => {
      const expected = await expectedAuthorization(request, request.body === '' ? undefined : request.body);
      if (request.headers.authorization !== expected) return { status: 403, body: { message: 'Forbidden' } };
      if (request.url.startsWith('/prod/sweeps'))
        return { status: 302, body: {}, headers: { location: 'http://127.0.0.1:9/' } };
      if (request.method === 'POST') {
        return {
          status: 201,
          body: { created: JSON.parse(request.body) },
          headers: { 'retry-after': '5', 'set-cookie': 'a=b' },
        };
      }
      return { status: 200, body: { path: request.url } };
    });
    port = await findFreePort();
    proxy = await runDashboard(
      { api: `${api.url}/prod`, port: String(port) },
      {
        env: process.env,
        say: (line) => said.push(line),
        warn: (line) => warnings.push(line),
        serveUi(request, response) {
          ui.push(request.url ?? '');
          if (request.url !== '/' && request.url !== '/findings') return false;
          response
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end('<!doctype html><title>Customs</title>');
          return true;
        },
      },
    );
    // The start-up's first signed request (GET /health) proved the credentials.
    api.received.length = 0;
  });
  afterEach(() => {
    api.received.length = 0;
    ui.length = 0;
  });
  afterAll(async () => {
    process.env = saved;
    await proxy?.close();
    await new Promise((resolve) => api.server.close(resolve));
  });

  it('says where it serves, and tells the UI it is behind the proxy', async () => {
    // Act
    const config = await fetch(`${proxy.url}/dashboard-config.json`);
    const page = await fetch(`${proxy.url}/`);
    const nowhere = await fetch(`${proxy.url}/nowhere`);
    // Assess
    expect(said[0]).toBe(`Customs dashboard: http://127.0.0.1:${port}/`);
    expect(await config.json()).toEqual({ auth: 'proxy', apiBase: '' });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Customs</title>');
    expect(nowhere.status).toBe(404);
    expect(api.received).toEqual([]);
  });

  it("forwards API calls under the API's path, signed as AWS checks it, never the browser's own credentials", async () => {
    // Act
    const answer = await fetch(`${proxy.url}/findings?severity=critical&limit=50`, {
      headers: { authorization: 'Bearer browser-token', cookie: 'session=1', accept: 'application/json' },
    });
    const resource = encodeURIComponent('arn:aws:ecr:eu-west-1:111122223333:repository/team/app');
    const byResource = await fetch(`${proxy.url}/resources/${resource}/findings`);
    // Assess: the API checked each signature (it answers 403 otherwise)
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ path: '/prod/findings?severity=critical&limit=50' });
    expect(byResource.status).toBe(200);
    expect(await byResource.json()).toEqual({ path: `/prod/resources/${resource}/findings` });
    const [first] = api.received;
    expect(first?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//);
    expect(first?.headers.cookie).toBeUndefined();
    expect(first?.headers['x-amz-security-token']).toBe(CREDENTIALS.AWS_SESSION_TOKEN);
  });

  it('signs a body too, and passes back the status and headers the UI needs, no cookie', async () => {
    // Act
    const answer = await fetch(`${proxy.url}/suppressions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: proxy.url },
      body: JSON.stringify({ checkId: 'ecr-repository-scan-on-push', reason: 'Migration' }),
    });
    // Assess
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({
      created: { checkId: 'ecr-repository-scan-on-push', reason: 'Migration' },
    });
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('gives a page load of an API path to the UI', async () => {
    // Act
    const page = await fetch(`${proxy.url}/findings`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    // Assess
    expect(await page.text()).toContain('<title>Customs</title>');
    expect(ui).toEqual(['/findings']);
    expect(api.received).toEqual([]);
  });

  it('forwards nothing that names another host, leaves the path, or comes from another site', async () => {
    // Act
    const answers = await Promise.all([
      raw(port, 'GET', 'http://evil.example/findings'),
      raw(port, 'GET', '//evil.example/findings'),
      raw(port, 'GET', '/\\evil.example/findings'),
      raw(port, 'GET', '/findings', { host: 'evil.example' }),
      raw(port, 'GET', '/findings', { host: `evil.example:${port}` }),
      raw(port, 'GET', '/assets/../../package.json'),
      raw(port, 'GET', '/findings/%2e%2e/%2E%2E/package.json'),
      raw(port, 'GET', '/findings/.%2e/summary'),
    ]);
    const crossSite = await Promise.all([
      raw(
        port,
        'POST',
        '/suppressions',
        { origin: 'http://evil.example', 'content-type': 'text/plain' },
        '{}',
      ),
      raw(port, 'POST', '/suppressions', { origin: 'null' }, '{}'),
      raw(port, 'DELETE', '/suppressions/x', { 'sec-fetch-site': 'cross-site' }),
    ]);
    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400]);
    expect(JSON.parse(answers[3]?.text ?? '{}')).toMatchObject({ error: { code: 'invalid_request' } });
    expect(crossSite.map((answer) => answer.status)).toEqual([403, 403, 403]);
    expect(api.received).toEqual([]);
  });

  it('refuses other methods and large bodies, and follows no redirect of the API', async () => {
    // Act
    const put = await raw(port, 'PUT', '/findings', { 'content-type': 'application/json' }, '{}');
    const large = await raw(
      port,
      'POST',
      '/suppressions',
      { 'content-type': 'application/json' },
      'x'.repeat(70_000),
    );
    const redirected = await raw(port, 'POST', '/sweeps', { 'content-type': 'application/json' }, '{}');
    // Assess
    expect([put.status, large.status, redirected.status]).toEqual([405, 413, 502]);
    expect(put.headers.allow).toBe('GET, POST, DELETE');
    expect(api.received.map((request) => request.url)).toEqual(['/prod/sweeps']);
  });

  it('answers 502 when the API cannot be reached, and never writes a credential in what it says', async () => {
    // Prepare: an API on a port nothing listens on
    const downPort = await findFreePort();
    const down = await runDashboard(
      { api: `http://127.0.0.1:${await findFreePort()}`, port: String(downPort) },
      {
        env: process.env,
        say: (line) => said.push(line),
        warn: (line) => warnings.push(line),
        serveUi: () => false,
      },
    );
    try {
      // Act
      const answer = await raw(downPort, 'GET', '/summary');
      // Assess
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'bad_gateway' } });
      expect(warnings.some((line) => line.startsWith('GET /summary: '))).toBe(true);
      for (const secret of SECRETS)
        expect([...said, ...warnings, answer.text].join('\n')).not.toContain(secret);
    } finally {
      await down.close();
    }
  });

  it('refuses an API that is not https (but on this machine) and a bad port or region, before serving', async () => {
    // Act
    const plain = await runCli('dashboard', '--api', 'http://api.example.com');
    const none = await runCli('dashboard');
    const badPort = await runCli(
      'dashboard',
      '--api',
      'https://r3pmxmplak.execute-api.eu-west-1.amazonaws.com',
      '--port',
      '99999',
    );
    const badRegion = await runCli('dashboard', '--api', 'https://api.example.com', '--region', 'eu west');
    const withQuery = await runCli('dashboard', '--api', 'https://api.example.com/prod?x=1');
    // Assess
    expect([plain, none, badPort, badRegion, withQuery].map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
    expect(plain.stderr).toBe('customs: --api must be an https URL (the deployed API), not http:\n');
    expect(none.stderr).toContain('needs --api URL');
    expect(badPort.stderr).toContain('--port 99999 is not a port number');
    expect(badRegion.stderr).toContain('--region eu west is not an AWS region');
    expect(withQuery.stderr).toContain('no user, password, query or fragment');
  });
});
