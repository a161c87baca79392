import { type Known, unreadable } from '../normalise/unreadable.js';
import type { ApiService } from '../registry/calls.js';
import {
  type AwsSession,
  type BodyOf,
  type CallSpec,
  callPath,
  type Limited,
  type StoredSpec,
} from '../session/session.js';
import { actionOf, errorKind } from './aws-errors.js';
import type { AwsClients } from './clients.js';
import type { Limiter } from './limiter.js';
import { mergePages } from './pages.js';

/** Receives the body of every complete call (for `customs record`). */
export type Recorder = (path: string, body: object) => void;

/** What a session reads with. */
export interface SessionOptions {
  clients: AwsClients;
  limiters: Record<ApiService, Limiter>;
  recorder?: Recorder;
}

/**
 * The {@link AwsSession} of one collect call against AWS: each call made at most once (cached by
 * its snapshot path and variant), every request under its service's concurrency limit, errors
 * turned into state as a snapshot gives it: a service's not-found is `undefined` (absent), access
 * denied is `unreadable('AccessDenied: <service>:<Action>')`, another service error is unreadable
 * with its name. With a recorder, every complete body of an unfiltered call is recorded under its
 * snapshot path (`customs record`).
 * @example const session = new LiveSession({ clients, limiters, recorder: recording.recorder });
 */
export class LiveSession implements AwsSession {
  readonly #clients: AwsClients;
  readonly #limiters: Record<ApiService, Limiter>;
  readonly #recorder: Recorder | undefined;
  readonly #cache = new Map<string, Promise<Known<object>>>();
  readonly #denied = new Map<string, number>();
  readonly #failed = new Set<string>();

  constructor(options: SessionOptions) {
    this.#clients = options.clients;
    this.#limiters = options.limiters;
    this.#recorder = options.recorder;
  }

  send<Spec extends CallSpec>(
    spec: Spec,
    request: (clients: AwsClients) => Promise<BodyOf<Spec>>,
  ): Promise<Known<BodyOf<Spec>>> {
    return this.read(spec, async (limited, clients) => [await limited(() => request(clients))]);
  }

  paginate<Spec extends CallSpec>(
    spec: Spec,
    open: (clients: AwsClients) => AsyncIterable<BodyOf<Spec>>,
  ): Promise<Known<BodyOf<Spec>>> {
    return this.read(spec, async function everyPage(limited, clients) {
      const iterator = open(clients)[Symbol.asyncIterator]();
      const pages: BodyOf<Spec>[] = [];
      for (;;) {
        const next = await limited(() => iterator.next());
        if (next.done) return pages;
        pages.push(next.value);
      }
    });
  }

  read<Spec extends CallSpec>(
    spec: Spec,
    requests: (limited: Limited, clients: AwsClients) => Promise<BodyOf<Spec>[]>,
  ): Promise<Known<BodyOf<Spec>>> {
    const path = callPath(spec);
    const key = spec.variant === undefined ? path : `${path}?${spec.variant}`;
    let pending = this.#cache.get(key);
    if (!pending) {
      pending = this.#attempt(
        spec,
        requests as (limited: Limited, clients: AwsClients) => Promise<object[]>,
      ).then((body) => {
        if (body && !('unreadable' in body) && spec.variant === undefined) this.#recorder?.(path, body);
        return body;
      });
      this.#cache.set(key, pending);
    }
    return pending as Promise<Known<BodyOf<Spec>>>;
  }

  /** AWS is never asked for what only a snapshot holds. */
  async stored<Spec extends StoredSpec>(_spec: Spec): Promise<Known<BodyOf<Spec>>> {
    return undefined;
  }

  warn(message: string): void {
    this.#failed.add(message);
  }

  /** Warnings: each denied action once (with how often), then other failed calls and odd bodies. */
  get warnings(): string[] {
    const denied = [...this.#denied].map(
      ([action, count]) =>
        `AccessDenied: ${action} (${count} call${count === 1 ? '' : 's'}); what it reads is reported as ERROR`,
    );
    return [...denied, ...this.#failed];
  }

  async #attempt(
    spec: CallSpec,
    requests: (limited: Limited, clients: AwsClients) => Promise<object[]>,
  ): Promise<Known<object>> {
    const limiter = this.#limiters[spec.service];
    const limited: Limited = (work) => limiter.run(work);
    const callAction = `${spec.service}:${spec.operation}`;
    try {
      return mergePages(await requests(limited, this.#clients));
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
        this.#failed.add(`${action}${where} failed: ${name}: ${message}`);
        return unreadable(`${name}: ${action}: ${message}`);
      }
      throw error;
    }
  }
}
