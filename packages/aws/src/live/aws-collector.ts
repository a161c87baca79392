import { AccountCollector } from '../collector/account-collector.js';
import { isUnreadable } from '../normalise/unreadable.js';
import type { Scope } from '../normalise/wire.js';
import type { ReportPolling } from '../read/context.js';
import { readRegistryId } from '../read/read-ecr.js';
import { API_SERVICES, type ApiService } from '../registry/calls.js';
import { type AwsClients, type ClientOptions, clientRegion, createAwsClients } from './clients.js';
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
};

/** How an {@link AwsCollector} reads. */
export interface AwsCollectorOptions extends ClientOptions {
  /** Clients to read with (else made from the client options). */
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
 * The {@link AccountCollector} over the AWS SDK v3 ({@link LiveSession}): the calls of
 * docs/snapshot.md, through the SDK paginators, at most `concurrency[service]` requests in
 * flight per service, adaptive retry for throttling. Not-found errors are absent state;
 * access denied is `unreadable` naming the action, so the checks that need it report ERROR.
 * It adds to the shared collector only how to open one: clients, limiters, the account.
 * @example
 * const collector = await AwsCollector.open({ region: 'eu-west-1', profile: 'audit' });
 * const { resources, warnings } = await collector.collectAll();
 */
export class AwsCollector extends AccountCollector {
  readonly clients: AwsClients;
  /** The per-service limiters (their `peak` says how many requests ran at once). */
  readonly limiters: Record<ApiService, Limiter>;

  private constructor(
    scope: Scope,
    clients: AwsClients,
    limiters: Record<ApiService, Limiter>,
    options: AwsCollectorOptions,
  ) {
    const session = { clients, limiters, ...(options.recorder ? { recorder: options.recorder } : {}) };
    super(
      scope,
      { label: 'the collector', open: () => new LiveSession(session), holds: () => true },
      {
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
   * @example const collector = await AwsCollector.open({ region: 'us-east-2', iam: false });
   */
  static async open(options: AwsCollectorOptions = {}): Promise<AwsCollector> {
    const clients = options.clients ?? createAwsClients(options);
    const region = options.region ?? (await clientRegion(clients));
    const concurrency = { ...DEFAULT_CONCURRENCY, ...options.concurrency };
    const limiters = Object.fromEntries(
      API_SERVICES.map((service) => [service, createLimiter(concurrency[service])]),
    ) as Record<ApiService, Limiter>;
    const open = (accountId: string) => new AwsCollector({ accountId, region }, clients, limiters, options);
    return open(options.accountId ?? (await open('').#registryId()));
  }

  async #registryId(): Promise<string> {
    const registryId = await readRegistryId(this.context());
    if (registryId && !isUnreadable(registryId)) return registryId;
    const reason = isUnreadable(registryId)
      ? registryId.unreadable
      : 'DescribeRegistry returned no registryId';
    throw new AccountUnknownError(
      `cannot tell the account: ${reason}; allow ecr:DescribeRegistry or give the account id`,
    );
  }
}

/** The account could not be told (DescribeRegistry denied and no account id given). */
export class AccountUnknownError extends Error {
  override name = 'AccountUnknownError';
}
