import { DescribeRegistryCommand } from '@aws-sdk/client-ecr';
import type { ResourceRef } from '@customs/core';
import type { Collector, CollectResult, CollectUnit } from '../collector.js';
import { isUnreadable } from '../normalise/unreadable.js';
import type { Scope } from '../normalise/wire.js';
import { gatherOutcomes, readEachRef } from '../ref-outcome.js';
import { SERVICES, type Service } from './actions.js';
import { type AwsClients, type ClientOptions, clientRegion, createAwsClients } from './clients.js';
import { collectEcr, collectEks, collectIam } from './collect-all.js';
import { collectRef } from './collect-refs.js';
import { DEFAULT_REPORT_POLLING, type ReportPolling } from './credential-report.js';
import { createLimiter, type Limiter } from './limiter.js';
import { readRegistry } from './read-ecr.js';
import type { IamContext } from './read-iam.js';
import { LiveSession, type Recorder } from './session.js';

/** Requests in flight per service, per region: under the services' throttling buckets. */
export const DEFAULT_CONCURRENCY: Record<Service, number> = { ecr: 8, eks: 4, ec2: 4, iam: 2 };

/** How an {@link AwsCollector} reads. */
export interface AwsCollectorOptions extends ClientOptions {
  /** Clients to read with (else made from the client options). */
  clients?: AwsClients;
  /** Whether this collector reads IAM (one collector per account does) [true]. */
  iam?: boolean;
  /** The account, when known (else ECR DescribeRegistry's `registryId`). */
  accountId?: string;
  concurrency?: Partial<Record<Service, number>>;
  reportPolling?: ReportPolling;
  /** Receives every complete response body under its snapshot path (`customs record`). */
  recorder?: Recorder;
}

/** Defined with the Collector interface (collector.ts), which names it: see there. */
export type { CollectUnit };

/**
 * A {@link Collector} over the AWS SDK v3: the same calls as the snapshot format
 * (docs/snapshot.md), through the SDK paginators, at most `concurrency[service]` requests in
 * flight per service, adaptive retry for throttling. Not-found errors are absent state;
 * access denied is `unreadable` naming the action, so the checks that need it report ERROR.
 * @example
 * const collector = await AwsCollector.open({ region: 'eu-west-1', profile: 'audit' });
 * const { resources, warnings } = await collector.collectAll();
 */
export class AwsCollector implements Collector {
  readonly scope: Scope;
  readonly clients: AwsClients;
  /** The per-service limiters (their `peak` says how many requests ran at once). */
  readonly limiters: Record<Service, Limiter>;
  readonly #iam: boolean;
  readonly #reportPolling: ReportPolling;
  readonly #recorder: Recorder | undefined;

  private constructor(scope: Scope, clients: AwsClients, options: AwsCollectorOptions) {
    this.scope = scope;
    this.clients = clients;
    this.#iam = options.iam ?? true;
    this.#reportPolling = options.reportPolling ?? DEFAULT_REPORT_POLLING;
    this.#recorder = options.recorder;
    const concurrency = { ...DEFAULT_CONCURRENCY, ...options.concurrency };
    this.limiters = Object.fromEntries(
      SERVICES.map((service) => [service, createLimiter(concurrency[service])]),
    ) as Record<Service, Limiter>;
  }

  /**
   * Makes the clients, resolves the region and the account (ECR DescribeRegistry `registryId`,
   * which needs `ecr:DescribeRegistry`, unless `accountId` is given).
   * @example const collector = await AwsCollector.open({ region: 'us-east-2', iam: false });
   */
  static async open(options: AwsCollectorOptions = {}): Promise<AwsCollector> {
    const clients = options.clients ?? createAwsClients(options);
    const region = options.region ?? (await clientRegion(clients));
    const provisional = new AwsCollector({ accountId: options.accountId ?? '', region }, clients, options);
    const accountId = options.accountId ?? (await provisional.#registryId());
    return new AwsCollector({ accountId, region }, clients, options);
  }

  /** Every resource of the region (and IAM when this collector reads it). */
  async collectAll(): Promise<CollectResult> {
    const context = this.#context();
    const groups = await Promise.all([
      collectEcr(context),
      collectEks(context),
      this.#iam ? collectIam(context) : [],
    ]);
    return { resources: groups.flat(), missing: [], warnings: context.session.warnings };
  }

  /** One unit of a split sweep. */
  async collectUnit(unit: CollectUnit): Promise<CollectResult> {
    const context = this.#context();
    const resources =
      unit.service === 'ecr-repositories'
        ? await collectEcr(context, { start: unit.start, count: unit.count })
        : unit.service === 'ecr-registry'
          ? [await readRegistry(context)]
          : unit.service === 'eks'
            ? await collectEks(context)
            : await collectIam(context);
    return { resources, missing: [], warnings: context.session.warnings };
  }

  /**
   * Re-reads the named resources; those that no longer exist are `missing`. Every ref is read to
   * the end; when some could not be read, throws one `RefReadError` naming each.
   */
  async collect(refs: ResourceRef[]): Promise<CollectResult> {
    const context = this.#context();
    const outcomes = await readEachRef(refs, (ref) => collectRef(context, ref, this.#iam));
    return gatherOutcomes(refs, outcomes, context.session.warnings);
  }

  #context(): IamContext {
    const session = new LiveSession({
      clients: this.clients,
      limiters: this.limiters,
      ...(this.#recorder ? { recorder: this.#recorder } : {}),
    });
    return { session, scope: this.scope, reportPolling: this.#reportPolling };
  }

  async #registryId(): Promise<string> {
    const { session } = this.#context();
    const body = await session.send({ service: 'ecr', operation: 'DescribeRegistry' }, () =>
      this.clients.ecr.send(new DescribeRegistryCommand({})),
    );
    if (body && !isUnreadable(body) && body.registryId) return body.registryId;
    const reason = isUnreadable(body) ? body.unreadable : 'DescribeRegistry returned no registryId';
    throw new AccountUnknownError(
      `cannot tell the account: ${reason}; allow ecr:DescribeRegistry or give the account id`,
    );
  }
}

/** The account could not be told (DescribeRegistry denied and no account id given). */
export class AccountUnknownError extends Error {
  override name = 'AccountUnknownError';
}
