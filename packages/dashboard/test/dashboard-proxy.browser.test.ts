import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, runDashboard, type SigningProxy } from '@customs/local';
import { useDynamoDbLocal } from '@customs/local/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOn } from '../../api/test/helpers/api.js';
import {
  CREDENTIALS,
  expectedAuthorization,
  type Received,
  startApi,
} from '../../local/test/cli/sigv4-api.js';
import { at, CHECKS, cluster, finding, repository } from '../../store/test/helpers/findings.js';
import { dashboardHandler } from '../src/node/index.js';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers/chromium.js';

/** `customs dashboard --api URL` in Chromium: the UI through the signing proxy to a loopback "API Gateway". */
const TIMEOUT_MS = 300_000;
const dynamo = useDynamoDbLocal();
const FINDINGS = [
  finding(CHECKS.endpointNotPublic, cluster('prod'), 'FAIL', at(0)),
  finding(CHECKS.scanOnPush, repository('team/api'), 'FAIL', at(0)),
  finding(CHECKS.tagImmutability, repository('team/api'), 'PASS', at(0)),
];

/** One raw request to the proxy with any Host header, as a hostile page or client sends it. */
function raw(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('customs dashboard in Chromium: the UI through the SigV4 proxy', () => {
  const saved = { ...process.env };
  let gateway: Awaited<ReturnType<typeof startApi>>;
  let proxy: SigningProxy;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  /** What the loopback API Gateway refused: requests whose signature was not AWS's. */
  const refused: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);
    Object.assign(process.env, CREDENTIALS);
    const api = apiOn(dynamo);
    await api.dependencies.findings.applyEvaluation(FINDINGS);
    // The "API Gateway": checks each SigV4 signature as AWS does (403 otherwise), then the real API.
    gateway = await startApi(async (request: Received) => {
      const expected = await expectedAuthorization(request, request.body === '' ? undefined : request.body);
      if (request.headers.authorization !== expected) {
        refused.push(request.url);
        return { status: 403, body: { message: 'Forbidden' } };
      }
      const url = new URL(request.url, 'http://gateway');
      const answer = await api.call(request.method, url.pathname.replace(/^\/prod/, ''), {
        query: Object.fromEntries(url.searchParams),
        ...(request.body === '' ? {} : { body: request.body }),
        iamUser: 'arn:aws:iam::111122223333:user/alice',
      });
      return { status: answer.status, body: answer.json };
    });
    proxy = await runDashboard(
      { api: `${gateway.url}/prod`, port: String(await findFreePort()) },
      {
        env: process.env,
        say: () => {},
        warn: () => {},
        serveUi: dashboardHandler({ config: { auth: 'proxy', apiBase: '' } }),
      },
    );
    userDataDir = await mkdtemp(join(tmpdir(), 'customs-chromium-proxy-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, TIMEOUT_MS);

  afterAll(async () => {
    process.env = saved;
    await context?.close();
    await proxy?.close();
    if (gateway) await new Promise((resolve) => gateway.server.close(resolve));
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  }, TIMEOUT_MS);

  it(
    "shows the deployed API's posture and findings with no token asked, every call signed",
    async () => {
      // Act: the UI may be building at first: its page reloads until it is ready
      await page.goto(`${proxy.url}/#/findings?state=OPEN`);
      await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor({ timeout: 240_000 });
      await page.getByText('Page 1: findings 1–2').waitFor();
      // Assess: the two open failures, through the proxy, each request signed as AWS checks it
      const names = await page.getByTestId('findings-table').locator('td.resource span').allTextContents();
      expect(names.sort()).toEqual(['prod', 'team/api']);
      expect(await page.getByLabel('API token').count()).toBe(0);
      await page.goto(`${proxy.url}/#/posture`);
      await page.getByText('passed: 1 of 3 evaluated').waitFor();
      expect(refused).toEqual([]);
      expect(gateway.received.some((each) => each.url.startsWith('/prod/findings?'))).toBe(true);
    },
    TIMEOUT_MS,
  );

  it('forwards nothing to a host other than the configured API', async () => {
    // Prepare
    const port = Number(new URL(proxy.url).port);
    const before = gateway.received.length;
    // Act: another Host (a rebinding page), an absolute URL naming another host
    const otherHost = await raw(port, '/findings', 'evil.example');
    const absolute = await raw(port, 'http://evil.example/findings', `127.0.0.1:${port}`);
    // Assess
    expect(otherHost).toBe(400);
    expect(absolute).toBe(400);
    expect(gateway.received.length).toBe(before);
  });
});
