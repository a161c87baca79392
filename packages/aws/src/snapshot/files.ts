import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as z from 'zod';
import { SnapshotError } from '../errors.js';

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
