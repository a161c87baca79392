import type { AwsClients } from '../live/clients.js';
import type { Known } from '../normalise/unreadable.js';
import type { ApiService, CALLS } from '../registry/calls.js';
import { snapshotPath } from './paths.js';

type Calls = typeof CALLS;

/** The operations of a service that have a file of their own and that the live readers call. */
export type Operation<S extends ApiService = ApiService> = S extends ApiService
  ? {
      [O in keyof Calls[S]]: Calls[S][O] extends { stored: true }
        ? never
        : Calls[S][O] extends { schema: object }
          ? O
          : never;
    }[keyof Calls[S]] &
      string
  : never;

/** The operations only a snapshot holds. */
export type StoredOperation<S extends ApiService = ApiService> = S extends ApiService
  ? { [O in keyof Calls[S]]: Calls[S][O] extends { stored: true } ? O : never }[keyof Calls[S]] & string
  : never;

/** One call as the snapshot names it: `<service>/<Operation>[/<key>...].json`. */
export type CallSpec = {
  [S in ApiService]: {
    service: S;
    operation: Operation<S>;
    keys?: string[];
    /**
     * A filtered read of the same call (a ref's repository, one image): the live session sends it
     * apart and never records it; a snapshot answers with the whole file, which the reader filters.
     */
    variant?: string;
  };
}[ApiService];

/** A call only a snapshot may hold (DescribeImageScanFindings). */
export type StoredSpec = {
  [S in ApiService]: { service: S; operation: StoredOperation<S>; keys?: string[] };
}[ApiService];

type BodyOfCall<S extends ApiService, O> = O extends keyof Calls[S]
  ? Calls[S][O] extends { body?: infer Body }
    ? Body
    : never
  : never;

/** The body a call gives (CALLS' phantom `body`). */
export type BodyOf<Spec extends { service: ApiService; operation: string }> = Spec extends {
  service: infer S extends ApiService;
  operation: infer O;
}
  ? BodyOfCall<S, O>
  : never;

/** Runs work under the call's service limiter: one request per `limited` call. */
export type Limited = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * What the readers call AWS through: the live session sends SDK commands
 * (`LiveSession`), the snapshot session answers the same calls from a snapshot's files
 * (`SnapshotSession`). Each call gives its body, `undefined` for the service's not-found (a
 * missing per-resource file), or `unreadable` with why (access denied, a file not recorded).
 * The request functions run only against AWS; a snapshot never calls them.
 * @example
 * const body = await session.send({ service: 'eks', operation: 'DescribeCluster', keys: [name] },
 *   (aws) => aws.eks.send(new DescribeClusterCommand({ name })));
 */
export interface AwsSession {
  /** One request. */
  send<Spec extends CallSpec>(
    spec: Spec,
    request: (clients: AwsClients) => Promise<BodyOf<Spec>>,
  ): Promise<Known<BodyOf<Spec>>>;
  /** A paginated call through an SDK paginator (or any page iterator); pages merged into one body. */
  paginate<Spec extends CallSpec>(
    spec: Spec,
    open: (clients: AwsClients) => AsyncIterable<BodyOf<Spec>>,
  ): Promise<Known<BodyOf<Spec>>>;
  /** Any number of requests whose responses form one body (batches, a polled report), read once. */
  read<Spec extends CallSpec>(
    spec: Spec,
    requests: (limited: Limited, clients: AwsClients) => Promise<BodyOf<Spec>[]>,
  ): Promise<Known<BodyOf<Spec>>>;
  /** A body only a snapshot may hold; `undefined` from AWS, which is never asked. */
  stored<Spec extends StoredSpec>(spec: Spec): Promise<Known<BodyOf<Spec>>>;
  /** Records a warning about a body (an odd field), named by the caller. */
  warn(message: string): void;
  /** The warnings of this session's reads. */
  readonly warnings: string[];
}

/**
 * The snapshot path a call is read from and recorded to.
 * @example callPath({ service: 'ecr', operation: 'DescribeImages', keys: ['team/app'] }) // 'ecr/DescribeImages/team%2Fapp.json'
 */
export function callPath(spec: { service: string; operation: string; keys?: string[] }): string {
  return snapshotPath(spec.service, spec.operation, ...(spec.keys ?? []));
}
