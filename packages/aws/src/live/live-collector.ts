import { AccountCollector } from '../collector/account-collector.js';
import { isUnreadable } from '../normalise/unreadable.js';
import type { Scope } from '../normalise/wire.js';
import type { ReportPolling } from '../read/context.js';
import { readRegistryId } from '../read/read-ecr.js';
import type { CollectorReaders } from '../read/service-readers.js';
import { API_SERVICES, type ApiService } from '../registry/calls.js';
import {
  type AwsClients,
  type ClientMakers,
  type ClientOptions,
  clientRegion,
  createClients,
  makeEcrClient,
} from './clients.js';
import { createLimiter, type Limiter } from './limiter.js';
import { LiveSession, type Recorder } from './live-session.js';

/**
 * Requests in flight per service, per region: under the services' throttling buckets. `k8s` is
 * the Kubernetes lists in flight over all the region's clusters (each list one request of the
 * session, its pages read in turn by the client, whose own bound applies per cluster).
 */
export const DEFAULT_CONCURRENCY: Record<ApiService, number> = {
  ecr: 8,
  eks: 4,
  ec2: 4,
  iam: 2,
  ecs: 4,
  k8s: 8,
  // ListCoverage, one request per page of a repository's images (enhanced scanning only)
  inspector2: 2,
};

/** How a {@link LiveCollector} reads. */
export interface LiveCollectorOptions extends ClientOptions {
  /** The readers of the services it reads (`ALL_READERS`, or a function's own). */
  readers: CollectorReaders;
  /** Clients to read with (else made, each on first use, for the readers' services). */
  clients?: AwsClients;
  /** Whether this collector reads IAM (one collector per account does) [true]. */
  iam?: boolean;
  /** The account, when known (else ECR DescribeRegistry's `registryId`). */
  accountId?: string;
  concurrency?: Partial<Record<ApiService, number>>;
  reportPolling?: ReportPolling;
  /** Receives every complete response body under its snapshot path (`customs record`). */
  recorder?: Recorder;
}

/**
 * The {@link AccountCollector} over the AWS SDK v3 ({@link LiveSession}) with the readers it is
 * given: the calls of docs/snapshot.md, through the SDK paginators, at most `concurrency[service]`
 * requests in flight per service, adaptive retry for throttling. Not-found errors are absent
 * state; access denied is `unreadable` naming the action, so the checks that need it report
 * ERROR. The SDK clients are those of its readers' services (and ECR's, which tells the
 * account), each made on first use: a Lambda function that reads only ECR bundles no other
 * client. `AwsCollector` is the one with every reader.
 * @example const collector = await LiveCollector.open({ readers: { services: { ecr: ECR_READER } } });
 */
export class LiveCollector extends AccountCollector {
  readonly clients: AwsClients;
  /** The per-service limiters (their `peak` says how many requests ran at once). */
  readonly limiters: Record<ApiService, Limiter>;

  /** Use `open`, which resolves the region and the account. */
  constructor(
    scope: Scope,
    clients: AwsClients,
    limiters: Record<ApiService, Limiter>,
    options: LiveCollectorOptions,
  ) {
    const session = { clients, limiters, ...(options.recorder ? { recorder: options.recorder } : {}) };
    super(
      scope,
      { label: 'the collector', open: () => new LiveSession(session), holds: () => true },
      {
        readers: options.readers,
        readsGlobal: options.iam ?? true,
        ...(options.reportPolling ? { reportPolling: options.reportPolling } : {}),
      },
    );
    this.clients = clients;
    this.limiters = limiters;
  }

  /**
   * Makes the clients, resolves the region and the account (ECR DescribeRegistry `registryId`,
   * which needs `ecr:DescribeRegistry`, unless `accountId` is given).
   * @example const collector = await LiveCollector.open({ readers, region: 'us-east-2', iam: false });
   */
  static async open(options: LiveCollectorOptions): Promise<LiveCollector> {
    return openCollector(options, (...args) => new LiveCollector(...args));
  }

  /** The account's registry id, or AccountUnknownError. */
  protected async registryId(): Promise<string> {
    const registryId = await readRegistryId(this.context());
    if (registryId && !isUnreadable(registryId)) return registryId;
    const reason = isUnreadable(registryId)
      ? registryId.unreadable
      : 'DescribeRegistry returned no registryId';
    throw new AccountUnknownError(
      `cannot tell the account: ${reason}; allow ecr:DescribeRegistry or give the account id`,
    );
  }

  /** The registry id of the collector `make` returns (called by `openCollector`). */
  static accountOf(collector: LiveCollector): Promise<string> {
    return collector.registryId();
  }
}

/** Makes a live collector of `options` (its clients, limiters, region and account). */
export async function openCollector<T extends LiveCollector>(
  options: LiveCollectorOptions,
  make: (...args: ConstructorParameters<typeof LiveCollector>) => T,
): Promise<T> {
  const makers: ClientMakers = Object.assign(
    { ecr: makeEcrClient },
    ...Object.values(options.readers.services).map((reader) => reader.clients),
  );
  const clients = options.clients ?? createClients(makers, options);
  const region = options.region ?? (await clientRegion(clients));
  const concurrency = { ...DEFAULT_CONCURRENCY, ...options.concurrency };
  const limiters = Object.fromEntries(
    API_SERVICES.map((service) => [service, createLimiter(concurrency[service])]),
  ) as Record<ApiService, Limiter>;
  const open = (accountId: string) => make({ accountId, region }, clients, limiters, options);
  return open(options.accountId ?? (await LiveCollector.accountOf(open(''))));
}

/** The account could not be told (DescribeRegistry denied and no account id given). */
export class AccountUnknownError extends Error {
  override name = 'AccountUnknownError';
}
