import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A snapshot as the mocked AWS serves it: body by snapshot path (`ecr/DescribeImages/team%2Fapp.json`). */
export type SnapshotFiles = Map<string, unknown>;

/** Every JSON file of a snapshot directory (account.json and README left out). */
export function readSnapshotDir(dir: string): SnapshotFiles {
  const files: SnapshotFiles = new Map();
  function walk(folder: string): void {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json') && relative(dir, path) !== 'account.json') {
        files.set(relative(dir, path).split('\\').join('/'), JSON.parse(readFileSync(path, 'utf8')));
      }
    }
  }
  walk(dir);
  return files;
}

const TIMESTAMP_KEY = /(At|Date|Time)$/;

/**
 * A snapshot's files as another account holds them: `from`, the account id, replaced by `to` in
 * every body (its ARNs, owners and registry ids).
 * @example const member = filesAs(readSnapshotDir(DEMO), '111122223333', '444455556666');
 */
export function filesAs(files: SnapshotFiles, from: string, to: string): SnapshotFiles {
  const copy: SnapshotFiles = new Map();
  for (const [path, body] of files) copy.set(path, JSON.parse(JSON.stringify(body).replaceAll(from, to)));
  return copy;
}

/**
 * A CLI body as the SDK returns it: timestamps (epoch seconds or ISO 8601 under `...At`,
 * `...Date`, `...Time` keys) as Dates. Other values unchanged.
 */
export function sdkShape(value: unknown, key = ''): unknown {
  if (value instanceof Uint8Array || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => sdkShape(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, sdkShape(item, field)]));
  }
  if (TIMESTAMP_KEY.test(key) && (typeof value === 'number' || typeof value === 'string')) {
    const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

/** How a list call pages: its list fields and token names. */
export interface Paging {
  lists: string[];
  /** The output token (`nextToken`, `NextToken`, `Marker`). */
  token: string;
  /** The input token when it differs (IAM: `Marker` in, `Marker` out). */
  inputToken?: string;
  /** IAM also says `IsTruncated`. */
  truncatedFlag?: boolean;
}

/** One page of a list body: the lists sliced at `offset` (from the input token), the token set when more remain. */
export function pageOf(body: Record<string, unknown>, paging: Paging, token: unknown, size: number) {
  const offset = typeof token === 'string' ? Number(token) : 0;
  const page: Record<string, unknown> = { ...body };
  delete page[paging.token];
  delete page.IsTruncated;
  let more = false;
  for (const list of paging.lists) {
    const items = body[list];
    if (!Array.isArray(items)) continue;
    page[list] = items.slice(offset, offset + size);
    if (items.length > offset + size) more = true;
  }
  if (more) page[paging.token] = String(offset + size);
  if (paging.truncatedFlag) page.IsTruncated = more;
  return page;
}
