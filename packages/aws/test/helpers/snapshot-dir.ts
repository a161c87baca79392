import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async function removeSnapshots() {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Writes a snapshot directory in a fresh temp dir: each key is a path relative to it (keys
 * already encoded, as on disk), each value a JSON body or, as a string, the raw file text.
 */
export async function writeSnapshot(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'customs-snapshot-'));
  created.push(dir);
  await Promise.all(
    Object.entries(files).map(async function writeOne([path, body]) {
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
    }),
  );
  return dir;
}
