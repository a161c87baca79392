import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./fixtures/stray-errors.ts', import.meta.url));

/** Runs the script with tsx as the bin does, as `customs <command>`; resolves whatever its exit status. */
async function runAs(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', SCRIPT, command]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the process guards of the customs bin', () => {
  it('keeps customs start serving after an unhandled rejection and an uncaught exception, one escaped line each', async () => {
    // Act
    const { code, stdout, stderr } = await runAs('start');
    // Assess
    expect(stdout).toBe('still serving\n');
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      'customs: internal error (unhandled rejection): Error: \\u001b[2J\\u001b[1;31mALL CHECKS PASSED',
      expect.stringMatching(
        /^customs: internal error \(uncaught exception\): TypeError: xy+… \(\d+ more characters\)$/,
      ),
    ]);
    expect(stderr).not.toContain('\u001b');
    expect(stderr.length).toBeLessThan(1200);
  });

  it('lets a one-shot command finish, then exit 1', async () => {
    const { code, stdout, stderr } = await runAs('replay');
    expect(stdout).toBe('still serving\n');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^customs: internal error \(unhandled rejection\): /);
  });
});
