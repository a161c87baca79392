import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../packages/local/snapshots/demo/', import.meta.url));

/** A writable copy of the demo snapshot, so a test can change the account between events. */
export async function demoCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'customs-demo-'));
  await cp(DEMO_SNAPSHOT, dir, { recursive: true });
  return dir;
}

/** Rewrites one JSON file of a snapshot. */
export async function editJson<T>(dir: string, path: string, edit: (body: T) => T): Promise<void> {
  const file = join(dir, path);
  const body = JSON.parse(await readFile(file, 'utf8')) as T;
  await writeFile(file, JSON.stringify(edit(body), null, 2));
}
