import { type Known, unreadable } from '../normalise/unreadable.js';
import { snapshotPath } from '../snapshot/files.js';
import type { Operation, Service } from './actions.js';
import { actionOf, errorKind } from './aws-errors.js';
import type { AwsClients } from './clients.js';
import type { Limiter } from './limiter.js';
import { mergePages } from './pages.js';

/** One call as the snapshot names it: `<service>/<Operation>[/<key>...].json`. */
export type CallSpec = {
  [S in Service]: {
    service: S;
    operation: Operation<S>;
    keys?: string[];
    /** A filtered read of the same call (a ref's repository, one image): cached apart, never recorded. */
    variant?: string;
  };
}[Service];

/** Receives the body of every complete call (for `customs record`). */
export type Recorder = (path: string, body: object) => void;

/** What a session reads with. */
export interface SessionOptions {
  clients: AwsClients;
  limiters: Record<Service, Limiter>;
  recorder?: Recorder;
}

/** Runs work under the call's service limiter: one request per `limited` call. */
export type Limited = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * The reads of one collect call: each call made at most once (cached by its snapshot path),
 * every request under its service's concurrency limit, errors turned into state as the snapshot
 * collector sees it: a service's not-found is `undefined` (absent), access denied is
 * `unreadable('AccessDenied: <service>:<Action>')`, another service error is unreadable with its name.
 */
export class LiveSession {
  readonly clients: AwsClients;
  readonly #limiters: Record<Service, Limiter>;
  readonly #recorder: Recorder | undefined;
  readonly #cache = new Map<string, Promise<Known<object>>>();
  readonly #denied = new Map<string, number>();
  readonly #failed: string[] = [];

  constructor(options: SessionOptions) {
    this.clients = options.clients;
    this.#limiters = options.limiters;
    this.#recorder = options.recorder;
  }

  /** One request. */
  send<T extends object>(spec: CallSpec, request: () => Promise<T>): Promise<Known<T>> {
    return this.read(spec, async (limited) => [await limited(request)]);
  }

  /** A paginated call through an SDK paginator (or any page iterator); pages merged. */
  paginate<T extends object>(spec: CallSpec, open: () => AsyncIterable<T>): Promise<Known<T>> {
    return this.read(spec, async function everyPage(limited) {
      const iterator = open()[Symbol.asyncIterator]();
      const pages: T[] = [];
      for (;;) {
        const next = await limited(() => iterator.next());
        if (next.done) return pages;
        pages.push(next.value);
      }
    });
  }

  /** Any number of requests whose responses form one body (batches, pages), read once. */
  read<T extends object>(spec: CallSpec, requests: (limited: Limited) => Promise<T[]>): Promise<Known<T>> {
    const path = snapshotPath(spec.service, spec.operation, ...(spec.keys ?? []));
    const key = spec.variant === undefined ? path : `${path}?${spec.variant}`;
    let pending = this.#cache.get(key);
    if (!pending) {
      pending = this.#attempt(spec, requests).then((body) => {
        if (body && !('unreadable' in body) && spec.variant === undefined) this.#recorder?.(path, body);
        return body;
      });
      this.#cache.set(key, pending);
    }
    return pending as Promise<Known<T>>;
  }

  /** Records a warning about a call's body (an odd field). */
  warn(message: string): void {
    this.#failed.push(message);
  }

  /** Warnings: each denied action once (with how often), then other failed calls. */
  get warnings(): string[] {
    const denied = [...this.#denied].map(
      ([action, count]) =>
        `AccessDenied: ${action} (${count} call${count === 1 ? '' : 's'}); what it reads is reported as ERROR`,
    );
    return [...denied, ...this.#failed];
  }

  async #attempt<T extends object>(
    spec: CallSpec,
    requests: (limited: Limited) => Promise<T[]>,
  ): Promise<Known<T>> {
    const limiter = this.#limiters[spec.service];
    const limited: Limited = (work) => limiter.run(work);
    const callAction = `${spec.service}:${spec.operation}`;
    try {
      return mergePages(await requests(limited));
    } catch (error) {
      const kind = errorKind(error);
      const action = actionOf(error, callAction);
      if (kind === 'not-found') return undefined;
      if (kind === 'access-denied') {
        this.#denied.set(action, (this.#denied.get(action) ?? 0) + 1);
        return unreadable(`AccessDenied: ${action}`);
      }
      if (kind === 'service') {
        const { name, message } = error as Error;
        const where = spec.keys?.length ? ` (${spec.keys.join(', ')})` : '';
        this.#failed.push(`${action}${where} failed: ${name}: ${message}`);
        return unreadable(`${name}: ${action}: ${message}`);
      }
      throw error;
    }
  }
}
