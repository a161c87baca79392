import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO } from './run-cli.js';

const run = promisify(execFile);

describe('the customs bin (npx customs)', () => {
  it('runs the TypeScript CLI through its own loader and exits 0 after a scan', async () => {
    const { stdout } = await run('npx', [
      'customs',
      'scan',
      '--snapshot',
      DEMO,
      '--format',
      'json',
      '--check',
      'eks-cluster-deletion-protection',
    ]);
    const { findings } = JSON.parse(stdout) as { findings: { status: string }[] };
    expect(findings.map((f) => f.status).sort()).toEqual(['FAIL', 'PASS']);
  });

  it('exits 2 with the reason on stderr for bad input', async () => {
    const failure = await run('npx', ['customs', 'scan', '--snapshot', '/no/such/dir']).catch(
      (error) => error,
    );
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('customs: snapshot directory not found');
  });
});
