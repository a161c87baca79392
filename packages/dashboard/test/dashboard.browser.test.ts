import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingId } from '@customs/core';
import { findFreePort, type RunningStack, startStack } from '@customs/local';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers/chromium.js';

const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/dashboard/', import.meta.url));
const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
const TOKEN = `dashboard-test-${process.pid}`;
/** Untrusted text as an account or a user could write it: must show as text and never run. */
const HOSTILE = '<img src=x onerror="window.__xss=(window.__xss||0)+1;alert(1)">';
const STACK_TIMEOUT_MS = 300_000;
/** The configured maximum of a suppression's expiry, other than the default 90: the form must follow it. */
const MAX_SUPPRESSION_DAYS = 21;
const STEP_TIMEOUT_MS = 90_000;

/** `customs start` on the demo (no story); a machine busy with other tests may start DynamoDB Local late: three tries. */
async function startDemoStack(configPath: string): Promise<RunningStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStack({
        port: await findFreePort(),
        token: TOKEN,
        configPath,
        story: false,
        say: () => {},
        env: {},
      });
    } catch (error) {
      if (attempt === 3 || !/DynamoDB Local did not answer/.test(String(error))) throw error;
    }
  }
}

interface ApiFinding {
  id: string;
  checkId: string;
  resourceId: string;
  resourceName: string;
  severity: string;
  state: string;
  remediation?: { cli: string };
}

describe('the dashboard in Chromium, on the demo stack', () => {
  let stack: RunningStack;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const dialogs: string[] = [];
  const apiCalls: string[] = [];
  /** Every API request's path and query, as the page sent it. */
  const apiUrls: string[] = [];
  /** The finding the flow opens, suppresses and reopens. */
  let chosen: ApiFinding;

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  /**
   * axe-core in the page: the serious and critical violations of the current view. Evaluated
   * through the DevTools protocol: the dashboard's CSP refuses any inline script, axe's too.
   */
  async function axeViolations(): Promise<string[]> {
    await page.evaluate(await readFile(AXE, 'utf8'));
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run()).violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
    });
    return found
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** Presses Tab until `name` has the focus (at most `limit` times); false when it never does. */
  async function tabTo(matches: () => Promise<boolean>, limit = 80): Promise<boolean> {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      if (await matches()) return true;
    }
    return false;
  }
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: the dashboard's browser test needs it (apt-get install -y chromium; .ci/run installs it)`,
      );
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    userDataDir = await mkdtemp(join(tmpdir(), 'customs-chromium-'));
    const configPath = join(userDataDir, 'customs.config.json');
    await writeFile(configPath, JSON.stringify({ maxSuppressionDays: MAX_SUPPRESSION_DAYS }));
    stack = await startDemoStack(configPath);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path !== '/' && !path.startsWith('/assets/') && path !== '/dashboard-config.json') {
        apiCalls.push(path);
        const url = new URL(request.url());
        apiUrls.push(`${url.pathname}${url.search}`);
      }
    });
  }, STACK_TIMEOUT_MS);

  afterEach(async ({ task }) => {
    // What the page showed when a step failed, beside the views' screenshots
    if (task.result?.state === 'fail' && page)
      await shot(`failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await context?.close();
    await stack?.stop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  }, STACK_TIMEOUT_MS);

  it(
    'asks for the token, and asks again with the reason after a wrong one',
    async () => {
      // Act
      await page.goto(`${stack.url}/`);
      await page.getByLabel('API token').fill('wrong-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Assess: the prompt again, with the API's reason, never a blank page
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('The bearer token is wrong');
      expect(await page.getByLabel('API token').isVisible()).toBe(true);
      expect(await axeViolations()).toEqual([]);
      await shot('login');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'signs in and shows the posture per CSA recommendation and severity, and the trend, in at most 3 API calls',
    async () => {
      // Prepare: what the API says; today's posture record, written as a sweep's end writes it
      const summary = await api<{ overall: { passed: number; evaluated: number; score: number } }>(
        '/summary',
      );
      await stack.pipeline.repository.recordDailyPosture();
      apiCalls.length = 0;
      // Act
      await page.getByLabel('API token').fill(TOKEN);
      await page.getByLabel('API token').press('Enter');
      await page.getByRole('heading', { name: 'Posture', level: 1 }).waitFor();
      await page.getByText(`passed: ${summary.overall.passed} of ${summary.overall.evaluated}`).waitFor();
      // Assess
      const recommendations = page.getByRole('table', { name: 'By CSA recommendation' }).locator('tbody tr');
      expect(await recommendations.count()).toBe(5);
      expect(await page.getByRole('table', { name: 'By severity' }).locator('tbody tr').count()).toBe(5);
      // The trend (GET /posture/history): today's point on the chart, at today's score
      const chart = page.getByTestId('trend-chart');
      await chart.waitFor();
      expect(await chart.getAttribute('data-points')).toBe('1');
      expect(await chart.getAttribute('aria-label')).toContain(`${summary.overall.score}% on`);
      expect(apiCalls.length).toBeLessThanOrEqual(3);
      expect(apiCalls).toContain('/summary');
      expect(await axeViolations()).toEqual([]);
      await shot('posture');
      // Another period: the route and the chart follow
      await page.getByRole('link', { name: '7 days' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/posture?days=7');
      await page.getByText('Posture score over the last 7 days').first().waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'filters the findings to open critical ones with the keyboard (Tab, Space, Enter), one page from the API',
    async () => {
      // Act: the main navigation, then the filter form, by keyboard only
      await page.locator('body').focus();
      expect(await tabTo(async () => (await focusedText()) === 'Findings')).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
      await page.getByTestId('findings-table').waitFor();
      const checkbox = (name: string, value: string) =>
        page.evaluate(
          ([n, v]) => {
            const active = document.activeElement as HTMLInputElement | null;
            return active !== null && active.name === n && active.value === v;
          },
          [name, value],
        );
      expect(await tabTo(() => checkbox('state', 'OPEN'))).toBe(true);
      await page.keyboard.press('Space');
      expect(await tabTo(() => checkbox('severity', 'critical'))).toBe(true);
      await page.keyboard.press('Space');
      expect(await tabTo(async () => (await focusedText()) === 'Apply filters')).toBe(true);
      await page.keyboard.press('Enter');
      // Assess: the route holds the filters, every row is an open critical finding
      await expect.poll(() => page.evaluate(() => location.hash)).toContain('severity=critical');
      expect(await page.evaluate(() => location.hash)).toContain('state=OPEN');
      await page.getByText(/^Page 1: findings 1–\d+/).waitFor();
      const expected = await api<{ findings: ApiFinding[] }>(
        '/findings?severity=critical&state=OPEN&limit=50',
      );
      const rows = page.getByTestId('findings-table').locator('tbody tr');
      expect(await rows.count()).toBe(expected.findings.length);
      expect(expected.findings.length).toBeGreaterThan(0);
      const severities = await rows.locator('td:first-child').allTextContents();
      expect(new Set(severities)).toEqual(new Set(['critical']));
      expect(await axeViolations()).toEqual([]);
      await shot('findings');
      chosen = expected.findings.find((finding) => finding.remediation?.cli) as ApiFinding;
      expect(chosen).toBeDefined();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'opens a finding and copies its CLI remediation to the clipboard',
    async () => {
      // Act
      await page.locator(`a[href="#/findings/${chosen.id}"]`).first().click();
      await page.getByRole('heading', { name: 'Remediation' }).waitFor();
      await page.getByRole('button', { name: 'Copy AWS CLI remediation' }).click();
      await page.getByText('Copied').waitFor();
      // Assess: the clipboard holds the API's command, character for character
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chosen.remediation?.cli);
      expect(await page.getByTestId('history').locator('li').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('resource-name').textContent()).toBe(chosen.resourceName);
      expect(await axeViolations()).toEqual([]);
      await shot('finding');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'suppresses it with a reason and an expiry: it leaves the open list; HTML in the reason is text',
    async () => {
      // Act: from the finding, the form comes with its check and resource
      await page.getByRole('link', { name: 'Suppress this finding…' }).click();
      await page.getByRole('heading', { name: 'Suppressions', level: 1 }).waitFor();
      // The expiry's maximum is the configured one, from the API (GET /suppressions)
      const furthest = new Date(Date.now() + MAX_SUPPRESSION_DAYS * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel(`Expires (UTC, at most ${MAX_SUPPRESSION_DAYS} days ahead)`).waitFor();
      expect(await page.getByLabel(/^Expires/).getAttribute('max')).toBe(furthest);
      expect(await page.getByLabel('Check id').inputValue()).toBe(chosen.checkId);
      expect(await page.getByLabel(/^Resource pattern/).inputValue()).toBe(chosen.resourceId);
      const expiry = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Reason').fill(`Accepted until the fix ships ${HOSTILE}`);
      await page.getByLabel('Owner').fill('platform-team');
      await page.getByLabel(/^Expires/).fill(expiry);
      await page.getByRole('button', { name: 'Suppress', exact: true }).click();
      // Assess: created, listed with the literal reason, nothing ran
      await page.getByText('Created: 1 finding suppressed.').waitFor();
      const table = page.getByTestId('suppressions-table');
      await table.getByText(`Accepted until the fix ships ${HOSTILE}`, { exact: true }).waitFor();
      expect(await table.locator('img').count()).toBe(0);
      expect(await table.getByText(`${expiry} 00:00 UTC`).count()).toBe(1);
      const stored = await api<{ finding: ApiFinding }>(`/findings/${chosen.id}`);
      expect(stored.finding.state).toBe('SUPPRESSED');
      expect(await axeViolations()).toEqual([]);
      await shot('suppressions');
      await page.goto(`${stack.url}/#/findings?severity=critical&state=OPEN`);
      await page.getByText(/^Page 1: /).waitFor();
      expect(await page.locator(`a[href="#/findings/${chosen.id}"]`).count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'deletes the suppression: the finding is open again',
    async () => {
      // Act
      await page.goto(`${stack.url}/#/suppressions`);
      await page.getByTestId('suppressions-table').waitFor();
      await page.getByRole('button', { name: /^Delete the suppression by platform-team/ }).click();
      // Assess
      await page.getByText('Deleted: 1 finding reopened.').waitFor();
      await page.getByText('No suppression.').waitFor();
      expect((await api<{ finding: ApiFinding }>(`/findings/${chosen.id}`)).finding.state).toBe('OPEN');
      await page.goto(`${stack.url}/#/findings?severity=critical&state=OPEN`);
      await page.locator(`a[href="#/findings/${chosen.id}"]`).first().waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'asks to confirm a suppression of every resource, naming why and showing what it would mute',
    async () => {
      // Act
      await page.goto(`${stack.url}/#/suppressions`);
      await page.getByLabel(/^Resource pattern/).fill('*');
      await page.getByLabel('Reason').fill('Everything, by mistake');
      await page.getByLabel('Owner').fill('nobody');
      await page.getByRole('button', { name: 'Suppress', exact: true }).click();
      // Assess: the API's reason and the open findings it would mute, nothing suppressed yet
      const confirm = page.getByRole('alertdialog', { name: 'Confirm the suppression' });
      await confirm.getByText(/covers every resource/).waitFor();
      await confirm
        .getByTestId('confirm-preview')
        .getByText(/^\d+ or more open findings|^\d+ open findings/)
        .waitFor();
      expect(await confirm.getByTestId('confirm-preview').locator('li').count()).toBeGreaterThan(0);
      expect((await api<{ suppressions: unknown[] }>('/suppressions')).suppressions).toEqual([]);
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(await confirm.count()).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows a resource name holding HTML as text, and runs none of it',
    async () => {
      // Prepare: a failing finding of a resource whose name is HTML, stored as an evaluation stores it
      const template = (
        await api<{ finding: ApiFinding & Record<string, unknown> }>(`/findings/${chosen.id}`)
      ).finding;
      const resourceId = `${chosen.resourceId}-hostile`;
      const id = findingId(chosen.checkId, resourceId);
      await stack.pipeline.repository.applyEvaluation([
        {
          id,
          checkId: chosen.checkId,
          title: String(template.title),
          resourceType: template.resourceType as never,
          resourceId,
          resourceName: HOSTILE,
          accountId: String(template.accountId),
          region: String(template.region),
          status: 'FAIL',
          severity: template.severity as never,
          recommendation: template.recommendation as never,
          message: `The resource ${HOSTILE} fails`,
          evaluatedAt: new Date().toISOString(),
        },
      ]);
      // Act: its row in the findings, then its page
      await page.goto(`${stack.url}/#/findings?checkId=${chosen.checkId}&state=OPEN&limit=250`);
      await page.getByTestId('findings-table').getByText(HOSTILE, { exact: true }).waitFor();
      await page.goto(`${stack.url}/#/findings/${id}`);
      await page.getByTestId('resource-name').getByText(HOSTILE, { exact: true }).waitFor();
      // Assess
      expect(await page.getByTestId('message').textContent()).toBe(`The resource ${HOSTILE} fails`);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'lists the checks with their mappings',
    async () => {
      const catalog = await api<{ checks: unknown[] }>('/checks');
      await page.goto(`${stack.url}/#/checks`);
      await page.getByTestId('checks-table').waitFor();
      expect(await page.getByTestId('checks-table').locator('tbody tr').count()).toBe(catalog.checks.length);
      expect(await axeViolations()).toEqual([]);
      await shot('checks');
    },
    STEP_TIMEOUT_MS,
  );

  /** The finding ids of the table's rows, in order. */
  /** The table may still show the previous view's rows (same caption) until the new page arrives. */
  const POLL = { timeout: 30_000 };
  const rowIds = async () =>
    (
      await page
        .getByTestId('findings-table')
        .locator('tbody tr td:nth-child(2) a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
    ).map((href) => href.replace('#/findings/', ''));

  it(
    "pages through more than one page of findings with the API's cursor: next, then previous",
    async () => {
      // Prepare: what the API's first two pages of 25 hold
      const first = await api<{ findings: ApiFinding[]; cursor?: string }>('/findings?limit=25');
      expect(first.cursor).toBeDefined();
      const second = await api<{ findings: ApiFinding[] }>(
        `/findings?limit=25&cursor=${encodeURIComponent(first.cursor ?? '')}`,
      );
      // Act and Assess: page 1, the next, the previous
      await page.goto(`${stack.url}/#/findings?limit=25`);
      await page.getByText(/^Page 1: findings 1–25, more on the next page/).waitFor();
      await expect.poll(rowIds, POLL).toEqual(first.findings.map((f) => f.id));
      expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
      apiUrls.length = 0;
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText(/^Page 2: findings 26–/).waitFor();
      await expect.poll(rowIds, POLL).toEqual(second.findings.map((f) => f.id));
      expect(apiUrls.some((url) => url.startsWith('/findings?') && url.includes('cursor='))).toBe(true);
      await page.getByRole('button', { name: 'Previous page' }).click();
      await page.getByText(/^Page 1: findings 1–25/).waitFor();
      await expect.poll(rowIds, POLL).toEqual(first.findings.map((f) => f.id));
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'filters to the findings opened since a date through the API (openedSince), and pages them',
    async () => {
      // Prepare: the demo's findings opened today; none tomorrow
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const opened = await api<{ findings: ApiFinding[]; cursor?: string }>(
        `/findings?openedSince=${today}&limit=25`,
      );
      expect(opened.findings.length).toBe(25);
      // Act: the form's date
      await page.goto(`${stack.url}/#/findings`);
      await page.getByTestId('findings-table').waitFor();
      apiUrls.length = 0;
      await page.getByLabel('Opened since').fill(today);
      await page.getByLabel('Per page').selectOption('25');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      // Assess: the API was asked, the rows are its page, and the next page keeps the filter
      await page.getByText(`Page 1: findings 1–25 opened since ${today}, more on the next page`).waitFor();
      expect(apiUrls).toContain(`/findings?openedSince=${today}&limit=25`);
      await expect.poll(rowIds, POLL).toEqual(opened.findings.map((f) => f.id));
      apiUrls.length = 0;
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText(/^Page 2: findings 26–/).waitFor();
      expect(apiUrls.some((url) => url.includes(`openedSince=${today}`) && url.includes('cursor='))).toBe(
        true,
      );
      // None opened since tomorrow: the API returns none (a mark on the page would list them all)
      await page.goto(`${stack.url}/#/findings?openedSince=${tomorrow}`);
      await page.getByText(`Page 1: no findings opened since ${tomorrow}`).waitFor();
      expect(await page.getByTestId('findings-table').locator('tbody tr').count()).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'took a screenshot of each view',
    async () => {
      for (const view of ['login', 'posture', 'findings', 'finding', 'suppressions', 'checks']) {
        const png = await readFile(join(SCREENSHOTS, `${view}.png`));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
      }
    },
    STEP_TIMEOUT_MS,
  );
});
