import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCloudTrail } from '../../../../test/helpers/sample-events.js';
import { findFreePort } from '../../src/dynamodb/index.js';
import { type RunningStack, startStack } from '../../src/start/index.js';
import { runCli } from '../cli/run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));

describe('customs start: the whole pipeline on one machine', () => {
  let stack: RunningStack;
  const lines: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ port: await findFreePort(), say: (line) => lines.push(line), env: {} });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const get = (path: string, token: string | undefined = stack.token) =>
    fetch(`${stack.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('sweeps the demo account, plays the story and prints the posture', () => {
    const output = lines.join('\n');
    expect(output).toMatch(/49 resources, \d+ findings \(61 opened/);
    expect(output).toContain('▸ The fix v2.15.1 is pushed, signed, and v2.15.0 is deleted');
    expect(output).toMatch(/resolved\s+critical ecr-image-no-critical-vulnerabilities/);
    expect(output).toMatch(/slack ▸ Customs digest: \d+ finding changes/);
    expect(output).toMatch(/^Posture: \d+\/\d+ passed/m);
  });

  it('answers the API with the printed token, and 401 without it', async () => {
    const summary = await get('/summary');
    expect(summary.status).toBe(200);
    expect(((await summary.json()) as { overall: { failed: number } }).overall.failed).toBeGreaterThan(50);
    expect((await get('/findings?status=FAIL&severity=critical&limit=5')).status).toBe(200);
    expect((await get('/findings', 'wrong-token')).status).toBe(401);
    expect((await get('/openapi.json', undefined)).status).toBe(200);
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

describe('customs start as a process', () => {
  it('stops cleanly on Ctrl-C, with DynamoDB Local and the API down', async () => {
    // Prepare
    const port = await findFreePort();
    const child = spawn(process.execPath, [BIN, 'start', '--port', String(port), '--no-story'], {
      env: { ...process.env, CUSTOMS_API_TOKEN: 'test-token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`customs start did not come up:\n${output}`)), 60_000);
      child.stdout.on('data', () => {
        if (output.includes('Press Ctrl-C to stop.')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const endpoint = /DynamoDB Local on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    expect(
      (await fetch(`http://127.0.0.1:${port}/summary`, { headers: { authorization: 'Bearer test-token' } }))
        .status,
    ).toBe(200);
    // Act
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    // Assess
    expect(code).toBe(0);
    expect(output).toContain('Stopped: DynamoDB Local and the API are down.');
    await expect(fetch(`http://127.0.0.1:${port}/openapi.json`)).rejects.toThrow();
    await expect(fetch(endpoint)).rejects.toThrow();
  });
});
