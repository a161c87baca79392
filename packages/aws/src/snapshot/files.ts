import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { SnapshotError } from '../errors.js';

/** The longest file name a file system takes (ext4, APFS, NTFS): 255 bytes per path component. */
export const MAX_FILE_NAME_BYTES = 255;

const EXTENSION = '.json';
/** A key's longest encoded form, so that even the last component, with `.json`, fits. */
const MAX_KEY_BYTES = MAX_FILE_NAME_BYTES - EXTENSION.length;
/** `~` and the SHA-256 (hex) of the whole encoded key, ending a key that was too long. */
const DIGEST_CHARS = 1 + 64;

/** `%XX` for each UTF-8 byte of a lone UTF-16 surrogate (WTF-8), which encodeURIComponent refuses. */
function encodeLoneSurrogate(code: number): string {
  const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
}

/** encodeURIComponent that never throws: a lone surrogate becomes its WTF-8 bytes, which no valid text encodes to. */
function encodeKey(key: string): string {
  try {
    return encodeURIComponent(key);
  } catch {
    // a lone surrogate: encode the well-formed runs between them
  }
  let encoded = '';
  let start = 0;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    const next = key.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      index++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      encoded += encodeURIComponent(key.slice(start, index)) + encodeLoneSurrogate(code);
      start = index + 1;
    }
  }
  return encoded + encodeURIComponent(key.slice(start));
}

/**
 * One key as a path component: `encodeURIComponent` (`team/app` → `team%2Fapp`), except that it
 * never throws (a lone surrogate is written as its WTF-8 bytes, `%ED%A0%80`), a key of dots only
 * (`.`, `..`) has its dots escaped (`%2E`), an empty key is `%`, and a key whose encoded form is
 * over 250 bytes is cut to its first bytes plus `~` and the SHA-256 of the whole encoded key, so
 * that no component exceeds the 255-byte file-name limit. The same key always gives the same
 * component, so `customs record` and the snapshot collector agree.
 * @example snapshotKey('team/app') // 'team%2Fapp'
 */
export function snapshotKey(key: string): string {
  const encoded = encodeKey(key);
  if (encoded === '') return '%';
  if (encoded.replaceAll('.', '') === '') return '%2E'.repeat(encoded.length);
  if (encoded.length <= MAX_KEY_BYTES) return encoded;
  let cut = MAX_KEY_BYTES - DIGEST_CHARS;
  // never split a %XX escape
  if (encoded[cut - 1] === '%') cut -= 1;
  else if (encoded[cut - 2] === '%') cut -= 2;
  const digest = createHash('sha256').update(encoded).digest('hex');
  return `${encoded.slice(0, cut)}~${digest}`;
}

/**
 * The path of a call's file in a snapshot: `<service>/<Operation>.json`, or with keys (resource
 * names, digests, ARNs) as {@link snapshotKey} writes them. Never throws; no component is over
 * 255 bytes, `.` or `..`.
 * @example snapshotPath('ecr', 'DescribeImages', 'team/app') // 'ecr/DescribeImages/team%2Fapp.json'
 */
export function snapshotPath(service: string, operation: string, ...keys: string[]): string {
  return [service, operation, ...keys.map(snapshotKey)].join('/').concat(EXTENSION);
}

/**
 * A snapshot directory's files: each read at most once (lazily, cached), parsed as JSON and
 * validated with the schema of the fields read. A missing file is `undefined`.
 */
export class SnapshotFiles {
  readonly #dir: string;
  readonly #cache = new Map<string, Promise<unknown>>();
  readonly #warnings = new Map<string, Set<string>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Reads and validates one file; undefined when it does not exist; throws {@link SnapshotError}. */
  read<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | undefined> {
    let pending = this.#cache.get(path);
    if (!pending) {
      pending = this.#load(path, schema);
      this.#cache.set(path, pending);
    }
    return pending as Promise<z.output<S> | undefined>;
  }

  /** Records a warning about a file (once). */
  warn(path: string, message: string): void {
    const warnings = this.#warnings.get(path) ?? new Set<string>();
    warnings.add(message);
    this.#warnings.set(path, warnings);
  }

  /** The warnings about these files, each prefixed with the file's path. */
  warningsOf(paths: Iterable<string>): string[] {
    return [...new Set(paths)].flatMap((path) =>
      [...(this.#warnings.get(path) ?? [])].map((message) => `${path}: ${message}`),
    );
  }

  async #load(path: string, schema: z.ZodType): Promise<unknown> {
    const text = await this.#text(path);
    if (text === undefined) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new SnapshotError(`${path}: not JSON (${(error as Error).message})`);
    }
    const result = schema.safeParse(body);
    if (!result.success) {
      const problems = result.error.issues.map(function describeIssue(issue) {
        const field = formatPath(issue.path);
        const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
        return field ? `${field}: ${message}` : message;
      });
      throw new SnapshotError(`${path}: ${problems.join('; ')}`);
    }
    this.#checkPages(path, result.data);
    return result.data;
  }

  async #text(path: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.#dir, path), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      throw new SnapshotError(`${path}: cannot be read (${code ?? (error as Error).message})`);
    }
  }

  #checkPages(path: string, body: unknown): void {
    if (typeof body !== 'object' || body === null) return;
    const record = body as Record<string, unknown>;
    if (record.IsTruncated === true) this.warn(path, 'IsTruncated: true; the later pages are missing');
    for (const token of ['nextToken', 'NextToken']) {
      if (typeof record[token] === 'string' && record[token] !== '') {
        this.warn(path, `${token} is set; the later pages are missing`);
      }
    }
  }
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
