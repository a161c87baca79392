import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/dynamodb/index.js';
import { startApiServer } from '../../src/http/index.js';
import { DEMO } from './run-cli.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));
const MISLEADING = /exited with code|java -version|could not be stored|internal error|EPIPE|at .*\.ts:\d+/;
const started = new Set<number>();

afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('pipes', () => {
  it('customs scan --format json | head -1 ends quietly with 0', async () => {
    const script = `"${process.execPath}" "${BIN}" scan --snapshot "${DEMO}" --format json | head -1; echo "status=\${PIPESTATUS[0]}"`;
    const { stdout, stderr } = await run('bash', ['-c', script]);
    expect(stderr).toBe('');
    expect(stdout).toBe('{\nstatus=0\n');
  });
});

describe('replay without java', () => {
  it('exits 2 with what to install, as the README documents (a missing runtime is the user’s to fix)', async () => {
    const events = join(tmpdir(), `customs-nojava-${process.pid}.json`);
    await writeFile(events, '[]');
    const failure = await run(process.execPath, [BIN, 'replay', events], {
      env: { ...process.env, PATH: '/nonexistent', JAVA_HOME: '' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toBe(
      'customs: java was not found: install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless) or put java on the PATH.\n',
    );
  });
});

describe('the local API and a 20,000-character query', () => {
  it('answers 431 with the JSON error envelope', async () => {
    const server = await startApiServer({
      port: await findFreePort(),
      token: 't',
      handler: async () => ({ statusCode: 200, body: '{}' }),
    });
    try {
      const response = await fetch(`${server.url}/findings?checkId=${'x'.repeat(20_000)}`, {
        headers: { authorization: 'Bearer t' },
      });
      expect(response.status).toBe(431);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({
        error: {
          code: 'headers_too_large',
          message: 'The request line and headers are over 16 KiB: send a shorter query',
        },
      });
    } finally {
      await server.close();
    }
  });
});

/** `customs start`, Ctrl-C'd as a terminal does (SIGINT to its whole process group) on `line`. */
async function interruptStartOn(
  line: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [BIN, 'start', '--port', String(port)], {
    env: { ...process.env, SLACK_WEBHOOK_URL: '', CUSTOMS_API_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) started.add(child.pid);
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!sent && stdout.includes(line) && child.pid !== undefined) {
      sent = true;
      process.kill(-child.pid, 'SIGINT');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(sent, `never saw ${line}:\n${stdout}${stderr}`).toBe(true);
  return { code, stdout, stderr };
}

describe('Ctrl-C during customs start', () => {
  it.each([
    ['while DynamoDB Local starts', 'Starting DynamoDB Local…'],
    ['during the sweep', 'Sweeping the account…'],
    ['during the demo story', 'Playing the demo story'],
  ])(
    '%s: says "Stopping…", then "Stopped.", and nothing misleading',
    { timeout: 180_000 },
    async (_when, line) => {
      const { code, stdout, stderr } = await interruptStartOn(line);
      expect(stdout).toContain('Stopping…\n');
      expect(stdout.slice(stdout.indexOf('Stopping…'))).toBe('Stopping…\nStopped.\n');
      expect(`${stdout}${stderr}`).not.toMatch(MISLEADING);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
  );
});
