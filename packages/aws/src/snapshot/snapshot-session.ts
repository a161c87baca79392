import type { AwsClients } from '../live/clients.js';
import { type Known, notRecorded } from '../normalise/unreadable.js';
import { callInfo, missingMeans } from '../registry/calls.js';
import type { AwsSession, BodyOf, CallSpec, Limited, StoredSpec } from '../session/session.js';
import { callPath } from '../session/session.js';
import type { SnapshotFiles } from './files.js';

/**
 * The {@link AwsSession} of one collect call over a snapshot: each call is answered with the file
 * at its snapshot path, validated by the call's schema (CALLS), read at most once. A missing file
 * is what CALLS says it is: absent (`undefined`, the service's not-found: by default a
 * per-resource file) or not recorded (`unreadable`, naming the file: by default an account- or
 * region-wide one). A filtered call (`variant`) gets the whole file, which the reader filters.
 * A file that is not JSON or not of the schema's shape throws `SnapshotError`, naming it.
 * @example const session = new SnapshotSession(new SnapshotFiles(dir), { touched: ['account.json'] });
 */
export class SnapshotSession implements AwsSession {
  readonly #files: SnapshotFiles;
  readonly #touched = new Set<string>();
  readonly #before: string[];
  readonly #warnings = new Set<string>();

  constructor(files: SnapshotFiles, options: { touched?: Iterable<string>; warnings?: string[] } = {}) {
    this.#files = files;
    for (const path of options.touched ?? []) this.#touched.add(path);
    this.#before = options.warnings ?? [];
  }

  send<Spec extends CallSpec>(
    spec: Spec,
    _request: (clients: AwsClients) => Promise<BodyOf<Spec>>,
  ): Promise<Known<BodyOf<Spec>>> {
    return this.#answer(spec) as Promise<Known<BodyOf<Spec>>>;
  }

  paginate<Spec extends CallSpec>(
    spec: Spec,
    _open: (clients: AwsClients) => AsyncIterable<BodyOf<Spec>>,
  ): Promise<Known<BodyOf<Spec>>> {
    return this.#answer(spec) as Promise<Known<BodyOf<Spec>>>;
  }

  read<Spec extends CallSpec>(
    spec: Spec,
    _requests: (limited: Limited, clients: AwsClients) => Promise<BodyOf<Spec>[]>,
  ): Promise<Known<BodyOf<Spec>>> {
    return this.#answer(spec) as Promise<Known<BodyOf<Spec>>>;
  }

  stored<Spec extends StoredSpec>(spec: Spec): Promise<Known<BodyOf<Spec>>> {
    return this.#answer(spec) as Promise<Known<BodyOf<Spec>>>;
  }

  warn(message: string): void {
    this.#warnings.add(message);
  }

  /** The snapshot's own warnings, those about the files this session read, then the readers'. */
  get warnings(): string[] {
    return [...this.#before, ...this.#files.warningsOf(this.#touched), ...this.#warnings];
  }

  async #answer(spec: CallSpec | StoredSpec): Promise<Known<object>> {
    const path = callPath(spec);
    const schema = callInfo(spec.service, spec.operation)?.schema;
    // Every CallSpec and StoredSpec names a call with a schema; the type says so.
    if (!schema) throw new TypeError(`${spec.service}:${spec.operation} has no snapshot file`);
    this.#touched.add(path);
    const body = (await this.#files.read(path, schema)) as object | undefined;
    if (body !== undefined) return body;
    return missingMeans(spec.service, spec.operation) === 'absent' ? undefined : notRecorded(path);
  }
}
