import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, type RunningStack, startStack } from '@customs/local';
import { copySnapshotAs } from '@customs/local/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers/chromium.js';

const DEMO = fileURLToPath(new URL('../../local/snapshots/demo/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/dashboard/', import.meta.url));
const TOKEN = `dashboard-accounts-${process.pid}`;
const HOME = '111122223333';
const MEMBER = '444455556666';
const STACK_TIMEOUT_MS = 300_000;

interface Posture {
  passed: number;
  evaluated: number;
  score: number | null;
}
interface Summary {
  overall: Posture;
  accounts: { accountId: string; overall: Posture }[];
}

/** A second account: the demo's snapshot (AWS's shapes) as the member account holds it. */
function memberCopy(root: string): Promise<string> {
  return copySnapshotAs(DEMO, join(root, 'member'), HOME, MEMBER);
}

describe('the dashboard of `customs start --snapshot A --snapshot B`: both accounts, and a picker', () => {
  let stack: RunningStack;
  let context: BrowserContext;
  let page: Page;
  let root: string;
  const summaryUrls: string[] = [];
  /** The member's findings of one kind, made different from the home's before the page loads. */
  let memberSummary: Summary;

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM} (.ci/run installs it)`);
    await mkdir(SCREENSHOTS, { recursive: true });
    root = await mkdtemp(join(tmpdir(), 'customs-dashboard-accounts-'));
    const member = await memberCopy(root);
    // The member account has no ECS: its posture is not the home account's
    await rm(join(member, 'ecs'), { recursive: true, force: true });
    stack = await startStack({
      port: await findFreePort(),
      token: TOKEN,
      snapshots: [DEMO, member],
      story: false,
      say: () => {},
      env: {},
    });
    memberSummary = await api<Summary>(`/summary?accountId=${MEMBER}`);
    context = await chromium.launchPersistentContext(join(root, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/summary') summaryUrls.push(`${url.pathname}${url.search}`);
    });
  }, STACK_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await stack?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  }, STACK_TIMEOUT_MS);

  it('shows both accounts in the posture, and scopes the posture, the trend and the findings links to the one picked', async () => {
    // Prepare: what the API says of both accounts together
    const all = await api<Summary>('/summary');
    expect(all.accounts.map((account) => account.accountId)).toEqual([HOME, MEMBER]);
    expect(memberSummary.overall.evaluated).toBeLessThan(all.overall.evaluated);
    // Act: sign in; the posture of every account, with the picker
    await page.goto(`${stack.url}/`);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByLabel('API token').press('Enter');
    await page.getByText(`passed: ${all.overall.passed} of ${all.overall.evaluated}`).waitFor();
    const picker = page.getByLabel('Account');
    expect(await picker.locator('option').allTextContents()).toEqual([
      'All accounts (2)',
      expect.stringContaining(HOME),
      expect.stringContaining(MEMBER),
    ]);
    // Act: pick the member account
    await picker.selectOption(MEMBER);
    // Assess: its own posture, from GET /summary?accountId=…, and the route keeps the choice
    await page
      .getByText(`passed: ${memberSummary.overall.passed} of ${memberSummary.overall.evaluated}`)
      .waitFor();
    expect(summaryUrls).toContain(`/summary?accountId=${MEMBER}`);
    expect(await page.evaluate(() => location.hash)).toContain(`accountId=${MEMBER}`);
    const openLink = page.getByRole('link', { name: /open failures/ }).first();
    expect(await openLink.getAttribute('href')).toContain(`accountId=${MEMBER}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'posture-accounts.png'), fullPage: true });
    // Act: back to every account
    await picker.selectOption('');
    await page.getByText(`passed: ${all.overall.passed} of ${all.overall.evaluated}`).waitFor();
    expect(await page.evaluate(() => location.hash)).not.toContain('accountId');
  }, 120_000);
});
