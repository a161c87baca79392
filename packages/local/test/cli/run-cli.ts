import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { CATALOG, isScopeLevel } from '@customs/core';
import { main } from '../../src/cli/main.js';

/** The demo account snapshot shipped with the CLI. */
export const DEMO = fileURLToPath(new URL('../../snapshots/demo/', import.meta.url));

/**
 * The checks a scan of one account's snapshot assesses: every check but those of an organisation's
 * account × region scopes (aws-account), which a snapshot holds none of.
 */
export function checksOfAnAccount(): string[] {
  return CATALOG.ids().filter((id) => {
    const check = CATALOG.get(id);
    return check !== undefined && !isScopeLevel(check.resourceType);
  });
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `customs ...args` in-process and captures its exit status, stdout and stderr. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err);
  return { code, stdout: out.text, stderr: err.text };
}
