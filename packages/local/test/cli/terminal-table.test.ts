import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Finding } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEMO, runCli } from './run-cli.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));
const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/** A TTY of `columns` columns, as process.stdout is in a terminal. */
class FakeTty extends Writable {
  text = '';
  isTTY = true;
  constructor(readonly columns: number) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function onTty(columns: number, ...args: string[]): Promise<string> {
  const out = new FakeTty(columns);
  const code = await main(['scan', '--snapshot', DEMO, ...args], out, new FakeTty(columns));
  expect(code).toBe(0);
  return out.text;
}

const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function demoFindings(): Promise<Finding[]> {
  return (
    JSON.parse((await runCli('scan', '--snapshot', DEMO, '--format', 'json')).stdout) as {
      findings: Finding[];
    }
  ).findings;
}

describe('customs scan on a terminal', () => {
  it('fits 80 columns, never cuts a verdict, and shows no full digest', async () => {
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    const text = await onTty(80);
    const plain = text.replace(ANSI, '');
    for (const line of plain.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    const squeezed = plain.replace(/\s+/g, '');
    const failures = (await demoFindings()).filter((f) => f.status === 'FAIL');
    for (const failure of failures) {
      const shown = failure.message.replace(/(sha256:[0-9a-f]{12})[0-9a-f]{52}/g, '$1').replace(/\s+/g, '');
      expect(squeezed).toContain(shown);
    }
    expect(plain).not.toMatch(/sha256:[0-9a-f]{64}/);
    expect(text).toContain(`${ESC}[31;1mFAIL`);
    for (const columns of [60, 120, 200]) {
      const wider = (await onTty(columns)).replace(ANSI, '');
      for (const line of wider.split('\n')) expect(line.length, line).toBeLessThanOrEqual(columns);
      expect(wider.replace(/\s+/g, '')).toContain(failures[0]?.message.replace(/\s+/g, ''));
    }
  });

  it('has no colour with NO_COLOR, and colour with FORCE_COLOR through a pipe', async () => {
    process.env.NO_COLOR = '1';
    expect(await onTty(120)).not.toContain(ESC);
    delete process.env.NO_COLOR;
    process.env.FORCE_COLOR = '1';
    const { stdout } = await runCli('scan', '--snapshot', DEMO);
    expect(stdout).toContain(`${ESC}[31;1mFAIL`);
  });
});

describe('customs scan table (as a process, through a pipe)', () => {
  it('lists failures first, hides PASS, ends with a severity × status summary; no colour in a pipe', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'scan', '--snapshot', DEMO], {
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
    });
    const findings = await demoFindings();
    const count = (status: string) => findings.filter((f) => f.status === status).length;
    expect(stdout).not.toContain(ESC);
    expect(stdout).not.toMatch(/^PASS /m);
    expect(stdout.match(/^FAIL /gm)).toHaveLength(count('FAIL'));
    expect(stdout).toContain(
      `Not listed: ${count('PASS')} PASS, ${count('NOT_APPLICABLE')} NOT_APPLICABLE (--all or --status PASS to list them)`,
    );
    expect(stdout).toMatch(/^SEVERITY\s+FAIL\s+ERROR\s+PASS\s+NOT_APPLICABLE$/m);
    const critical = findings.filter((f) => f.severity === 'critical');
    const line = new RegExp(
      `^critical\\s+${critical.filter((f) => f.status === 'FAIL').length}\\s+0\\s+${critical.filter((f) => f.status === 'PASS').length}\\s+`,
      'm',
    );
    expect(stdout).toMatch(line);
  });

  it('--status PASS lists only passes, --all everything', async () => {
    const passes = await runCli('scan', '--snapshot', DEMO, '--status', 'pass');
    expect(passes.stdout).not.toMatch(/^FAIL /m);
    expect(passes.stdout).toMatch(/^PASS /m);
    const all = await runCli('scan', '--snapshot', DEMO, '--all');
    expect(all.stdout.match(/^(FAIL|PASS|NOT_APPLICABLE|ERROR) /gm)).toHaveLength(
      (await demoFindings()).length,
    );
  });
});
