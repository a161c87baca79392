import { execFile } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/dynamodb/index.js';
import { startStack } from '../../src/start/index.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/customs.js', import.meta.url));
/** Two stacks start one after the other: 10–90 s each on a loaded machine. */
const SLOW = { timeout: 420_000 };
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe('customs start: where the data lives', () => {
  it('exits 2 with one clear line when --data is a file', SLOW, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'customs-data-'));
    scratch.push(dir);
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const failure = await run('node', [
      BIN,
      'start',
      '--port',
      String(await findFreePort()),
      '--data',
      file,
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 2,
      stderr: `customs: --data ${file} is a file, not a folder: give a folder (it is created when missing)\n`,
    });
  });

  it(
    'says where data lives, reuses --data with its counts without replaying the story, and removes the demo copy',
    SLOW,
    async () => {
      // Prepare
      const parent = await mkdtemp(join(tmpdir(), 'customs-data-'));
      scratch.push(parent);
      const data = join(parent, 'data');
      const first: string[] = [];
      // Act: a first run on a new folder, then a second on the same one
      const one = await startStack({
        port: await findFreePort(),
        dataDir: data,
        say: (l) => first.push(l),
        env: {},
      });
      const copy = /working cop(?:y|ies) in (\S+)/.exec(first.join('\n'))?.[1] ?? '';
      const copyWhileRunning = await exists(copy);
      await one.stop();
      const second: string[] = [];
      const two = await startStack({
        port: await findFreePort(),
        dataDir: data,
        say: (l) => second.push(l),
        env: {},
      });
      await two.stop();
      // Assess
      expect(first).toContain(`Data: kept in ${data} (new), across runs`);
      expect(first.some((line) => line.startsWith('Playing the demo story'))).toBe(true);
      expect(copyWhileRunning).toBe(true);
      expect(await exists(copy)).toBe(false);
      const reused = second.find((line) => line.startsWith('Data: reusing'));
      expect(reused).toMatch(new RegExp(`^Data: reusing ${data}: [1-9]\\d* findings, 0 suppressions$`));
      expect(second).toContain(
        `Demo story skipped: ${data} holds earlier findings (--story plays it anyway)`,
      );
      expect(second.some((line) => line.startsWith('Playing the demo story'))).toBe(false);
    },
  );
});
