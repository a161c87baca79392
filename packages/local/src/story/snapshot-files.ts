import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Rewrites one JSON file of a snapshot folder (a call's response as the account now answers it). */
export async function editSnapshotJson<T>(dir: string, path: string, edit: (body: T) => T): Promise<void> {
  const file = join(dir, path);
  const body = JSON.parse(await readFile(file, 'utf8')) as T;
  await writeFile(file, `${JSON.stringify(edit(body), null, 2)}\n`);
}

/** Writes one JSON file of a snapshot folder. */
export async function writeSnapshotJson(dir: string, path: string, body: unknown): Promise<void> {
  await writeFile(join(dir, path), `${JSON.stringify(body, null, 2)}\n`);
}

/** Rewrites the credential report's CSV (`iam/GetCredentialReport.json` `Content`, base64). */
export async function editCredentialReport(
  dir: string,
  edit: (rows: string[][]) => string[][],
): Promise<void> {
  await editSnapshotJson<{ Content: string }>(dir, 'iam/GetCredentialReport.json', (report) => {
    const rows = Buffer.from(report.Content, 'base64')
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    const csv = edit(rows)
      .map((row) => row.join(','))
      .join('\n');
    return { ...report, Content: Buffer.from(`${csv}\n`).toString('base64') };
  });
}

/** Reads one JSON file of a snapshot folder. */
export async function readSnapshotJson<T>(dir: string, path: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, path), 'utf8')) as T;
}
