import type { z } from 'zod';
import type { SnapshotFiles } from './files.js';

/** The files one collect call touched, so that its result carries only their warnings. */
export class ReadSession {
  readonly #files: SnapshotFiles;
  readonly #touched = new Set<string>();

  constructor(files: SnapshotFiles, initial: Iterable<string> = []) {
    this.#files = files;
    for (const path of initial) this.#touched.add(path);
  }

  /** Reads a file (see {@link SnapshotFiles.read}) and remembers it. */
  read<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S> | undefined> {
    this.#touched.add(path);
    return this.#files.read(path, schema);
  }

  /** Records a warning about a file. */
  warn(path: string, message: string): void {
    this.#touched.add(path);
    this.#files.warn(path, message);
  }

  /** Warnings about the files read in this session. */
  get warnings(): string[] {
    return this.#files.warningsOf(this.#touched);
  }
}
