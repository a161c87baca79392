import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Copies a snapshot directory to `dir` as another account holds it: the account id `from`
 * replaced by `to` in every file, so each ARN, registry and account.json names that account.
 * @example const member = await copySnapshotAs(DEMO_SNAPSHOT, join(root, 'member'), '111122223333', '444455556666');
 */
export async function copySnapshotAs(source: string, dir: string, from: string, to: string): Promise<string> {
  await cp(source, dir, { recursive: true });
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((each) => each.isFile())) {
    const file = join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (text.includes(from)) await writeFile(file, text.replaceAll(from, to));
  }
  return dir;
}
