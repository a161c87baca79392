import { type ResourceRef, SERVICE_NAMES, SERVICES, type Service, serviceOf } from '@customs/core';
import type { Scope } from '../normalise/wire.js';
import { collectRef, type RefReader } from '../read/collect-refs.js';
import { DEFAULT_REPORT_POLLING, type ReadContext, type ReportPolling } from '../read/context.js';
import { gatherOutcomes, readEachRef } from '../read/ref-outcome.js';
import type { CollectorReaders } from '../read/service-readers.js';
import { typesOfUnit } from '../registry/collector-types.js';
import type { AwsSession } from '../session/session.js';
import type { CollectOptions, Collector, CollectResult, CollectUnit, RegionInventory } from './collector.js';

/** Where an {@link AccountCollector} reads from: AWS or a snapshot. */
export interface SessionSource {
  /** What messages call it (`the collector`, `the snapshot`): whose account a ref is compared with. */
  readonly label: string;
  /** The session of one collect call (a fresh cache, the call's own warnings). */
  open(): AwsSession;
  /** Does it hold the service at all? (a snapshot without an `ecr/` folder holds no ECR) */
  holds(service: Service): boolean;
}

/** How an {@link AccountCollector} reads. */
export interface AccountCollectorOptions {
  /**
   * The readers of the services it reads (`ALL_READERS`, or a function's own: a ref of another
   * service throws, and its sweep reads only these).
   */
  readers: CollectorReaders;
  /** Whether it reads the global services (IAM): one collector per account does [true]. */
  readsGlobal?: boolean;
  reportPolling?: ReportPolling;
}

/**
 * The one {@link Collector}: the readers of `src/read/` over a session, live (`AwsCollector`) or
 * from a snapshot (`SnapshotCollector`), so that both read every resource type the same way.
 * Each collect call opens a session of its own (each call made once, its own warnings).
 * @example
 * const source = { label: 'the snapshot', open: () => session, holds: () => true };
 * const collector = new AccountCollector(scope, source, { readers: ALL_READERS });
 * const { resources } = await collector.collectAll();
 */
export class AccountCollector implements Collector {
  readonly scope: Scope;
  readonly #source: SessionSource;
  readonly #readsGlobal: boolean;
  readonly #reportPolling: ReportPolling;
  readonly #readers: CollectorReaders;

  constructor(scope: Scope, source: SessionSource, options: AccountCollectorOptions) {
    this.scope = scope;
    this.#source = source;
    this.#readers = options.readers;
    this.#readsGlobal = options.readsGlobal ?? true;
    this.#reportPolling = options.reportPolling ?? DEFAULT_REPORT_POLLING;
  }

  /** Every resource of the region (and of the global services when this collector reads them). */
  async collectAll(options: CollectOptions = {}): Promise<CollectResult> {
    const context = this.context(options);
    const readers = this.#readers.services;
    const services = SERVICE_NAMES.filter(
      (service) =>
        readers[service] !== undefined &&
        this.#source.holds(service) &&
        ((this.#readsGlobal && options.global !== false) || SERVICES[service].scope !== 'global'),
    );
    const groups = await Promise.all(services.map((service) => readers[service]?.sweep(context) ?? []));
    return {
      resources: groups.flat(),
      missing: [],
      warnings: context.session.warnings,
      ...incompleteOf(context),
    };
  }

  /**
   * One unit of a split sweep: the registry, the region's EKS, IAM, or a slice of the repositories
   * sorted by name, with their images.
   * @example const { resources } = await collector.collectUnit({ service: 'ecr-repositories', start: 0, count: 2 });
   */
  async collectUnit(unit: CollectUnit, options: CollectOptions = {}): Promise<CollectResult> {
    const context = this.context(options);
    const [type] = typesOfUnit(unit.service);
    const reader =
      type && this.#source.holds(serviceOf(type)) ? this.#readers.services[serviceOf(type)] : undefined;
    const resources = reader ? await reader.unit(context, unit) : [];
    return { resources, missing: [], warnings: context.session.warnings, ...incompleteOf(context) };
  }

  /**
   * Re-reads the named resources; those that no longer exist are `missing`. Every ref is read to
   * the end; when some could not be read, throws one `RefReadError` naming each.
   */
  async collect(refs: ResourceRef[], options: CollectOptions = {}): Promise<CollectResult> {
    const context = this.context(options);
    const reach = { label: this.#source.label, readsGlobal: this.#readsGlobal };
    const readers: Partial<Record<Service, RefReader>> = Object.fromEntries(
      Object.entries(this.#readers.services).map(([service, reader]) => [service, reader.ref]),
    );
    const outcomes = await readEachRef(refs, (ref) => collectRef(context, ref, reach, readers));
    return gatherOutcomes(refs, outcomes, context.session.warnings);
  }

  /** The region's repositories and clusters (DescribeRepositories, ListClusters); throws when unknown. */
  async inventory(): Promise<RegionInventory> {
    const plan = this.#readers.inventory;
    if (!plan) throw new Error(`cannot plan the sweep: ${this.#source.label} has not the sweep's readers`);
    return { region: this.scope.region, ...(await plan(this.context())) };
  }

  /** The readers' context of one collect call. */
  protected context(options: CollectOptions = {}): ReadContext {
    return {
      session: this.#source.open(),
      scope: this.scope,
      reportPolling: this.#reportPolling,
      incomplete: [],
      ...(options.imageReads ? { imageReads: options.imageReads } : {}),
    };
  }
}

/** The result's `incomplete`, when the readers recorded any. */
function incompleteOf(context: ReadContext): Pick<CollectResult, 'incomplete'> {
  return context.incomplete.length > 0 ? { incomplete: [...context.incomplete] } : {};
}
