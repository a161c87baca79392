import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardAssets, dashboardHandler, serveDashboard } from '../src/node/index.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as written (fetch would normalise `..` away). */
function send(port: number, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('serveDashboard: the UI files, its config, and nothing else', () => {
  let server: Server;
  let port: number;
  const SECRET = 'secret-outside-the-dashboard';

  beforeAll(async () => {
    // Prepare: a built UI in dist/, with a file beside dist/ that must never be served
    const root = await mkdtemp(join(tmpdir(), 'customs-dashboard-'));
    const dir = join(root, 'dist');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Customs</title>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, 'assets', 'index-abc123.css'), 'body{}');
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: SECRET }));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: SECRET }));
    const config = { auth: 'token', apiBase: '' } as const;
    server = createServer((request, response) => {
      // What serveDashboard leaves is the API's: answered 418 here, to tell them apart.
      if (!serveDashboard(request, response, { dir, config })) response.writeHead(418).end('api');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves index.html at / (and with a query) with nosniff and a CSP without inline script', async () => {
    for (const path of ['/', '/?from=mail']) {
      const answer = await send(port, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(answer.body).toBe('<!doctype html><title>Customs</title>');
    }
  });

  it('serves assets with their content types, HEAD without a body', async () => {
    const script = await send(port, '/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.body).toBe('console.log(1)');
    const style = await send(port, '/assets/index-abc123.css', 'HEAD');
    expect(style.status).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.headers['content-length']).toBe('6');
    expect(style.body).toBe('');
  });

  it('serves /dashboard-config.json as given', async () => {
    const answer = await send(port, '/dashboard-config.json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({ auth: 'token', apiBase: '' });
  });

  it('never leaves assets/: .., %2e%2e, encoded separators and backslashes are 404', async () => {
    const attempts = [
      '/assets/../../package.json',
      '/assets/../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/assets/..%2fpackage.json',
      '/assets/..%5cpackage.json',
      '/assets/..\\package.json',
      '/assets/%2e%2e',
      '/assets/.',
      '/assets/%00index-abc123.js',
      '/assets/%E0%A4%A',
      '/assets/',
      '/assets/missing.js',
    ];
    for (const path of attempts) {
      const answer = await send(port, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.body).not.toContain(SECRET);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it("leaves everything else to the API: other paths, other methods, dist's other files", async () => {
    for (const [method, path] of [
      ['GET', '/findings'],
      ['GET', '/package.json'],
      ['GET', '/summary?x=/assets/'],
      ['POST', '/'],
      ['DELETE', '/assets/index-abc123.js'],
      ['GET', '/%2e%2e/package.json'],
    ] as const) {
      const answer = await send(port, path, method);
      expect({ method, path, status: answer.status, body: answer.body }).toEqual({
        method,
        path,
        status: 418,
        body: 'api',
      });
    }
  });
});

describe('dashboardHandler: the API at once, the UI when it is built', () => {
  /** A server of the handler in front of an "API" answering 418, and the build's controls. */
  async function serverOf() {
    let finish: { resolve(dir: string): void; reject(error: Error): void } | undefined;
    const assets = new Promise<string>((resolve, reject) => {
      finish = { resolve, reject };
    });
    const errors: unknown[] = [];
    const handler = dashboardHandler({
      config: { auth: 'proxy', apiBase: '' },
      assets,
      onError: (error) => errors.push(error),
    });
    const server = createServer((request, response) => {
      if (!handler(request, response)) response.writeHead(418).end('api');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const settled = () =>
      assets.then(
        () => new Promise((wake) => setImmediate(wake)),
        () => new Promise((wake) => setImmediate(wake)),
      );
    return { server, port, errors, finish: finish as NonNullable<typeof finish>, settled };
  }

  it('answers the API and the config while building, the pages 503 "building" until the build is ready', async () => {
    // Prepare
    const { server, port, finish, settled } = await serverOf();
    const dir = await mkdtemp(join(tmpdir(), 'customs-dashboard-built-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Built</title>');
    try {
      // Act: before the build is done
      const building = await send(port, '/');
      const asset = await send(port, '/assets/index-abc123.js');
      const api = await send(port, '/summary');
      const config = await send(port, '/dashboard-config.json');
      finish.resolve(dir);
      await settled();
      const built = await send(port, '/');
      // Assess
      expect(building.status).toBe(503);
      expect(building.headers['retry-after']).toBe('2');
      expect(building.headers['content-security-policy']).toContain("script-src 'self'");
      expect(building.body).toContain('<meta http-equiv="refresh" content="2">');
      expect(building.body).toContain('The dashboard is being built');
      expect(building.body).not.toContain('<script');
      expect(asset.status).toBe(503);
      expect(api).toMatchObject({ status: 418, body: 'api' });
      expect(JSON.parse(config.body)).toEqual({ auth: 'proxy', apiBase: '' });
      expect(built).toMatchObject({ status: 200, body: '<!doctype html><title>Built</title>' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('tells a failed build once and names it on the pages (as text); the API goes on', async () => {
    // Prepare
    const { server, port, errors, finish, settled } = await serverOf();
    try {
      // Act
      finish.reject(new Error('vite: <b>cannot</b> resolve preact'));
      await settled();
      const page = await send(port, '/');
      const again = await send(port, '/index.html');
      const api = await send(port, '/findings');
      // Assess
      expect(page.status).toBe(500);
      expect(page.body).toContain(
        'The dashboard could not be built: vite: &#60;b&#62;cannot&#60;/b&#62; resolve preact',
      );
      expect(again.status).toBe(500);
      expect(api).toMatchObject({ status: 418, body: 'api' });
      expect(errors).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('dashboardAssets: the built UI', () => {
  it('is index.html loading its script and style from assets/, with no inline script', async () => {
    // Act: builds it when dist/ is missing or of another version
    const dir = await dashboardAssets();
    // Assess
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/assets\/[\w.-]+\.js"/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]/);
    for (const [, file] of html.matchAll(/(?:src|href)="\/assets\/([\w.-]+)"/g)) {
      expect((await readFile(join(dir, 'assets', file as string))).length).toBeGreaterThan(0);
    }
    const stamp = JSON.parse(await readFile(join(dir, 'build-stamp.json'), 'utf8'));
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(stamp).toEqual({ version: manifest.version });
    // The same folder again, without a second build
    expect(await dashboardAssets()).toBe(dir);
  });
});
