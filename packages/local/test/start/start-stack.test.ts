import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PostureSummary, RECOMMENDATIONS } from '@customs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCloudTrail } from '../../../../test/helpers/sample-events.js';
import { findFreePort } from '../../src/dynamodb/index.js';
import { type RunningStack, startStack } from '../../src/start/index.js';
import { runCli } from '../cli/run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));
/** A stack as a process starts in 10–50 s, depending on the machine's load. */
const PROCESS_TEST_TIMEOUT_MS = 180_000;
const UNRESOLVABLE_SLACK = new URL('./helpers/unresolvable-slack.mjs', import.meta.url).href;

describe('customs start: the whole pipeline on one machine', () => {
  let stack: RunningStack;
  const lines: string[] = [];
  /** The progress line's updates, and `clear` each time it was erased. */
  const progress: string[] = [];

  beforeAll(async () => {
    stack = await startStack({
      port: await findFreePort(),
      say: (line) => lines.push(line),
      progress: { update: (text) => progress.push(text), clear: () => progress.push('clear') },
      env: {},
    });
    // The demo's two accounts swept and the story played on DynamoDB Local: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const get = (path: string, token: string | undefined = stack.token) =>
    fetch(`${stack.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it("sweeps the demo's two accounts, plays the story and prints the posture", () => {
    const output = lines.join('\n');
    // Production's 83 resources (139 opened) and the staging account's 16 (18 opened)
    expect(output).toMatch(
      /99 resources read, \d+ findings \(one per check and resource\); changes: 157 opened/,
    );
    expect(lines[0]).toMatch(
      /^Account: the demo accounts \(Brightwater Payments, production and staging: 111122223333 and 555566667777\), working copies in /,
    );
    expect(output).toContain('▸ The fix v2.15.1 is pushed, signed, and rolled out as payments-api:9');
    expect(output).toContain('▸ v2.15.0 is deleted');
    // The vulnerable image deployed before its fix: one message of its own, however many findings it has
    expect(output.match(/slack ▸ Now running · /g)).toHaveLength(1);
    expect(output).toMatch(/resolved\s+critical ecr-image-no-critical-vulnerabilities/);
    expect(output).toContain('▸ A developer registers payments-api:10 with a privileged container');
    expect(output).toMatch(/opened\s+high\s+ecs-task-definition-no-privileged/);
    expect(output).toMatch(/resolved\s+high\s+ecs-task-definition-no-environment-secrets/);
    expect(output).toMatch(/slack ▸ Customs digest: \d+ finding changes/);
    expect(output).toMatch(/^Posture \(GET \/summary\): \d+ findings: \d+ PASS of \d+ evaluated/m);
    // The closing block names the worst open failures, most severe first, and how to see them all.
    const top = output.slice(output.indexOf('Top failures:')).split('\n');
    expect(top[0]).toBe('Top failures:');
    expect(top.slice(1, 6).every((line) => /^ {2}(critical|high) +[a-z0-9-]+ +\S/.test(line))).toBe(true);
    expect(top[1]).toMatch(/^ {2}critical /);
    expect(top[6]).toMatch(
      /^ {2}\(\d+ open of the \d+ FAIL, 0 suppressed: npx customs findings --status FAIL/,
    );
  });

  it("shows the sweep's steps on the progress line, erased before the sweep's own line", () => {
    const updates = progress.filter((each) => each !== 'clear');
    expect(updates).toEqual(['  reading the snapshots…', '  evaluating and storing 99 resources read…']);
    // Erased before the next line was printed
    expect(progress[progress.lastIndexOf(updates[1] as string) + 1]).toBe('clear');
    expect(lines).not.toContainEqual(expect.stringContaining('evaluating and storing'));
  });

  it('prints totals that say what they count and agree with each other and with GET /summary', async () => {
    // Prepare: what start-up printed, and what /summary answers now
    const summary = (await (await get('/summary')).json()) as PostureSummary;
    const output = lines.join('\n');
    const numbers = (pattern: RegExp) => (pattern.exec(output)?.slice(1) ?? []).map(Number);
    // Act: the sweep's line, the stored totals after it, the closing posture and its CSA lines
    const [, swept] = numbers(/^ {2}(\d+) resources read, (\d+) findings \(one per check and resource\)/m);
    const stored = numbers(
      /^ {2}Stored: (\d+) findings: (\d+) PASS of (\d+) evaluated \([\d.]+%\), (\d+) FAIL \((\d+) suppressed\), (\d+) ERROR; (\d+) NOT_APPLICABLE$/m,
    );
    const closing = numbers(
      /^Posture \(GET \/summary\): (\d+) findings: (\d+) PASS of (\d+) evaluated \([\d.]+%\), (\d+) FAIL \((\d+) suppressed\), (\d+) ERROR; (\d+) NOT_APPLICABLE \((\d+) more than after the sweep: the story's resources\)$/m,
    );
    const [open, failed, suppressed] = numbers(/^ {2}\((\d+) open of the (\d+) FAIL, (\d+) suppressed: /m);
    // Assess: each line adds up, the sweep's findings are the stored ones after it, the closing
    // block is /summary's, and the top failures' count is its FAIL
    const [total, passed, evaluated, fail, supp, errors, notApplicable, added] = closing;
    expect(closing).toEqual([
      summary.total,
      summary.overall.passed,
      summary.overall.evaluated,
      summary.overall.failed,
      summary.overall.suppressed,
      summary.overall.errors,
      summary.overall.notApplicable,
      expect.any(Number),
    ]);
    expect(evaluated).toBe((passed ?? 0) + (fail ?? 0) + (errors ?? 0));
    expect(total).toBe((evaluated ?? 0) + (notApplicable ?? 0));
    expect(stored[0]).toBe(swept);
    expect(stored[2]).toBe((stored[1] ?? 0) + (stored[3] ?? 0) + (stored[5] ?? 0));
    expect(stored[0]).toBe((stored[2] ?? 0) + (stored[6] ?? 0));
    expect(added).toBe((total ?? 0) - (swept ?? 0));
    expect([failed, suppressed, open]).toEqual([fail, supp, (fail ?? 0) - (supp ?? 0)]);
    for (const id of RECOMMENDATIONS) {
      const each = summary.byRecommendation[id];
      expect(output).toContain(
        `\n  ${id}  ${each.passed} PASS of ${each.evaluated} evaluated (${each.score}%), ${each.failed} FAIL\n`,
      );
    }
  });

  it("gives each demo account its posture: the staging account's own, untouched by the story", async () => {
    // Act
    const all = (await (await get('/summary')).json()) as PostureSummary & {
      accounts: { accountId: string; overall: PostureSummary['overall'] }[];
    };
    const staging = (await (await get('/summary?accountId=555566667777')).json()) as PostureSummary;
    const home = (await (await get('/summary?accountId=111122223333')).json()) as PostureSummary;
    // Assess: both accounts listed; the staging account's verdicts are its snapshot's
    expect(all.accounts.map((account) => account.accountId)).toEqual(['111122223333', '555566667777']);
    expect([staging.total, staging.overall.passed, staging.overall.failed, staging.overall.errors]).toEqual([
      72, 44, 18, 0,
    ]);
    expect(home.total + staging.total).toBe(all.total);
    expect(home.overall.failed + staging.overall.failed).toBe(all.overall.failed);
  });

  it('answers the API with the printed token, and 401 without it', async () => {
    const summary = await get('/summary');
    expect(summary.status).toBe(200);
    expect(((await summary.json()) as { overall: { failed: number } }).overall.failed).toBeGreaterThan(50);
    expect((await get('/findings?status=FAIL&severity=critical&limit=5')).status).toBe(200);
    expect((await get('/findings', 'wrong-token')).status).toBe(401);
    expect((await get('/openapi.json', undefined)).status).toBe(200);
  });

  it("serves the dashboard on the API's origin: index.html, its assets, token sign-in", async () => {
    // Act: what a browser asks for first, without a token
    const page = await get('/', '');
    const html = await page.text();
    const script = /<script type="module" crossorigin src="(\/assets\/[\w.-]+\.js)"/.exec(html)?.[1];
    const config = await get('/dashboard-config.json', '');
    // Assess: the UI and its config; the API's routes still behind the token
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await get(script ?? '/assets/none.js', '')).status).toBe(200);
    expect(await config.json()).toEqual({ auth: 'token', apiBase: '' });
    expect((await get('/summary', '')).status).toBe(401);
    expect((await get('/assets/../../package.json', '')).status).not.toBe(200);
  });

  it('takes events from customs replay --to and sweeps on POST /sweeps', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'customs-to-'));
    const file = join(dir, 'events.json');
    await writeFile(
      file,
      JSON.stringify([demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' })]),
    );
    // Act
    const replayed = await runCli(
      'replay',
      file,
      '--to',
      stack.url,
      '--token',
      stack.token,
      '--format',
      'json',
    );
    const sweep = await fetch(`${stack.url}/sweeps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}` },
    });
    // Assess
    expect(replayed.code).toBe(0);
    const report = JSON.parse(replayed.stdout) as { changes: { event: number; checkId: string }[] };
    expect(report.changes.map((change) => change.checkId)).toContain('eks-cluster-endpoint-not-public');
    expect(sweep.status).toBe(202);
    expect((await runCli('replay', file, '--to', stack.url, '--token', 'nope')).stderr).toMatch(
      /answered 401/,
    );
  });
});

describe('customs start: refusing to start', () => {
  it('says in one sentence that the port is taken', async () => {
    const port = await findFreePort();
    const server = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await expect(startStack({ port, say: () => {}, env: {} })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use: stop what uses it or choose another port with --port.`,
      );
    } finally {
      server.close();
    }
  });

  it('refuses a Slack webhook URL that is not Slack, before anything starts, without printing it', async () => {
    const saved = process.env.SLACK_WEBHOOK_URL;
    process.env.SLACK_WEBHOOK_URL = 'https://hooks.example.com/services/T000/B000/s3cr3t';
    try {
      const { code, stdout, stderr } = await runCli('start', '--port', String(await findFreePort()));
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^customs: .*hooks\.slack\.com/);
      expect(stderr).not.toContain('s3cr3t');
    } finally {
      if (saved === undefined) delete process.env.SLACK_WEBHOOK_URL;
      else process.env.SLACK_WEBHOOK_URL = saved;
    }
  });
});

/** `customs start --no-story` as a process, with its output as it comes. */
interface StackProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  stdout: () => string;
  stderr: () => string;
  /** DynamoDB Local's endpoint, as printed. */
  endpoint: () => string;
  /** Sends Ctrl-C and resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Process groups of the stacks started here, killed whole after the tests whatever happened. */
const started = new Set<number>();

afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone with its DynamoDB Local
    }
  }
});

async function startProcess(env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Promise<StackProcess> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [...nodeOptions, BIN, 'start', '--port', String(port), '--no-story'],
    {
      env: { ...process.env, SLACK_WEBHOOK_URL: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so that a test that fails or times out still takes DynamoDB Local down.
      detached: true,
    },
  );
  if (child.pid !== undefined) started.add(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`customs start did not come up:\n${stdout}${stderr}`)),
      90_000,
    );
    const check = () => {
      if (stdout.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`customs start exited:\n${stdout}${stderr}`)));
  });
  return {
    child,
    port,
    stdout: () => stdout,
    stderr: () => stderr,
    endpoint: () => /DynamoDB Local on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '',
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** Polls `condition` every 100 ms until it holds (or 30 s pass, then fails with `what`). */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 100) {
    if (waited > 30_000) throw new Error(`never happened: ${what}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

describe('customs start as a process', () => {
  it(
    'stops cleanly on Ctrl-C, with DynamoDB Local and the API down; never prints a token the user chose',
    async () => {
      // Prepare
      const stack = await startProcess({ CUSTOMS_API_TOKEN: 'chosen-token-9f3b2a' });
      const port = stack.port;
      const endpoint = stack.endpoint();
      expect(
        (
          await fetch(`http://127.0.0.1:${port}/summary`, {
            headers: { authorization: 'Bearer chosen-token-9f3b2a' },
          })
        ).status,
      ).toBe(200);
      // Act
      const code = await stack.stop();
      // Assess
      expect(code).toBe(0);
      expect(stack.stdout()).toContain('Stopped: DynamoDB Local and the API are down.');
      expect(stack.stdout()).toContain('  token:   from CUSTOMS_API_TOKEN\n');
      expect(stack.stdout()).toContain(`  dashboard: http://127.0.0.1:${port}/   (sign in with the token)\n`);
      expect(stack.stdout()).toContain('curl -H "Authorization: Bearer $CUSTOMS_API_TOKEN"');
      expect(stack.stdout() + stack.stderr()).not.toContain('chosen-token-9f3b2a');
      // Not a terminal: no progress line, nothing rewritten in place
      const printed = stack.stdout() + stack.stderr();
      expect([
        printed.includes('\r'),
        printed.includes('\u001b[K'),
        printed.includes('evaluating and storing'),
      ]).toEqual([false, false, false]);
      await expect(fetch(`http://127.0.0.1:${port}/openapi.json`)).rejects.toThrow();
      await expect(fetch(endpoint)).rejects.toThrow();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'names DynamoDB Local on stderr, once, when it dies under the running stack; the API answers 500',
    async () => {
      // Prepare
      const stack = await startProcess({ CUSTOMS_API_TOKEN: 'dying-dynamo-token' });
      const headers = { authorization: 'Bearer dying-dynamo-token' };
      const pids = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(stack.child.pid)], {
        encoding: 'utf8',
      });
      const java = pids
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .find(([, command]) => command === 'java')?.[0];
      expect(java).toMatch(/^\d+$/);
      try {
        // Act: DynamoDB Local is killed; the API is asked three times; the fan-out keeps polling
        process.kill(Number(java), 'SIGKILL');
        const answers = [];
        for (let i = 0; i < 3; i++) {
          const response = await fetch(`http://127.0.0.1:${stack.port}/summary`, { headers });
          answers.push([response.status, await response.json()]);
        }
        await eventually(() => stack.stderr().includes('DynamoDB Local'), 'a line naming DynamoDB Local');
        await new Promise((wake) => setTimeout(wake, 1500));
        // Assess
        expect(answers).toEqual(
          Array.from({ length: 3 }, () => [
            500,
            { error: { code: 'internal_error', message: 'An unexpected error occurred; it was logged' } },
          ]),
        );
        const lines = stack.stderr().split('\n').filter(Boolean);
        expect(lines).toEqual([
          expect.stringMatching(
            new RegExp(
              `^customs: (GET /summary \\(answered 500\\)|the fan-out \\(.*\\)) failed: DynamoDB Local \\(${stack.endpoint().replaceAll('.', '\\.')}\\) is not answering \\(ECONNREFUSED\\)`,
            ),
          ),
        ]);
        expect(stack.stderr()).not.toContain('dying-dynamo-token');
      } finally {
        expect(await stack.stop()).toBe(0);
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'comes up without waiting on a webhook that answers 500, and says so once: its status, what waits, the next try',
    async () => {
      // Prepare: a loopback Slack webhook that answers every post 500
      const requests: number[] = [];
      const slack = createHttpServer((request, response) => {
        request.resume();
        request.on('end', () => {
          requests.push(requests.length);
          response.writeHead(500).end();
        });
      });
      await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
      const { port } = slack.address() as AddressInfo;
      const webhook = `http://127.0.0.1:${port}/services/T0CUSTOMS/B0FIVE/s3cr3tFiveHundred`;
      try {
        // Act: the stack starts (startProcess resolves on its ready line)
        const stack = await startProcess({ SLACK_WEBHOOK_URL: webhook, CUSTOMS_API_TOKEN: 'five-hundred' });
        const requestsAtReady = requests.length;
        await stack.stop();
        // Assess: ready after at least one post, never a run's in-sender retries (4 posts in a row)
        expect(stack.stdout()).toContain('Posture (GET /summary): ');
        expect(stack.stdout()).toContain('Customs is running.');
        expect(requestsAtReady).toBeGreaterThanOrEqual(1);
        expect(requestsAtReady).toBeLessThan(4);
        const lines = stack.stderr().split('\n').filter(Boolean);
        expect(lines).toEqual([
          expect.stringMatching(
            /^Slack answered 500 at http:\/\/127\.0\.0\.1:\d+\/services\/T…\/…; \d+ deliveries pending, next try in \d+ s \(at [^)]+\); retried with a backoff of 10 s doubling to 5 min while it fails$/,
          ),
        ]);
        expect(stack.stdout() + stack.stderr()).not.toContain('s3cr3tFiveHundred');
        expect(stack.stdout() + stack.stderr()).not.toContain('B0FIVE');
      } finally {
        await new Promise((resolve) => slack.close(resolve));
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'says why Slack gets nothing when its host does not resolve, once; prints a generated token, which the user needs',
    async () => {
      // Prepare: hooks.slack.com does not resolve in the stack's process; no token is chosen
      const webhook = 'https://hooks.slack.com/services/T0CUSTOMS/B0DNS/s3cr3tT0k3nDoNotLog';
      const stack = await startProcess({ SLACK_WEBHOOK_URL: webhook, CUSTOMS_API_TOKEN: '' }, [
        '--import',
        UNRESOLVABLE_SLACK,
      ]);
      try {
        const token = /token: {3}(\S+) {3}\(generated; set CUSTOMS_API_TOKEN to choose it\)/.exec(
          stack.stdout(),
        )?.[1];
        expect(token).toMatch(/^[\w-]{32}$/);
        const summary = await fetch(`http://127.0.0.1:${stack.port}/summary`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(summary.status).toBe(200);
        // Act: the sweep's digest fails; the poller keeps retrying what is pending for a while
        await new Promise((wake) => setTimeout(wake, 2000));
        // Assess
        const lines = stack.stderr().split('\n').filter(Boolean);
        expect(lines).toEqual([
          expect.stringMatching(
            /^Slack failed at https:\/\/hooks\.slack\.com\/services\/T…\/…: DNS lookup failed for hooks\.slack\.com \(ENOTFOUND\); \d+ deliveries pending, next try in \d+ s \(at [^)]+\); retried with a backoff of 10 s doubling to 5 min while it fails$/,
          ),
        ]);
        expect(stack.stdout() + stack.stderr()).not.toContain('s3cr3tT0k3n');
      } finally {
        expect(await stack.stop()).toBe(0);
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
