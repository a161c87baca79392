import type { Resource, ResourceRef } from '@customs/core';
import type { Collector, CollectResult } from '../collector.js';
import type { CollectUnit } from '../live/aws-collector.js';
import type { Scope } from '../normalise/wire.js';
import { gatherOutcomes, readEachRef } from '../ref-outcome.js';
import { collectEverything } from './collect-all.js';
import { collectRef } from './collect-refs.js';
import type { ReadContext } from './context.js';
import { SnapshotFiles } from './files.js';
import { ReadSession } from './read-session.js';
import { ACCOUNT_FILE, readIdentity, type SnapshotIdentity } from './scope.js';

/**
 * A {@link Collector} over a snapshot directory (docs/snapshot.md): AWS CLI / SDK JSON bodies,
 * one file per call. Files are read lazily, each once, independent ones concurrently.
 * @example
 * const collector = await SnapshotCollector.open('packages/local/snapshots/demo');
 * const { resources, warnings } = await collector.collectAll();
 * evaluateAll(resources, { now: collector.capturedAt });
 */
export class SnapshotCollector implements Collector {
  readonly scope: Scope;
  /** When the snapshot was taken (`account.json` `capturedAt`), the time to assess it at. */
  readonly capturedAt?: Date;
  /** The snapshot directory. */
  readonly dir: string;
  #files: SnapshotFiles;
  readonly #reread: boolean;
  readonly #services: Set<string>;
  readonly #identityWarnings: string[];

  private constructor(dir: string, files: SnapshotFiles, identity: SnapshotIdentity, reread: boolean) {
    this.dir = dir;
    this.#files = files;
    this.#reread = reread;
    this.scope = identity.scope;
    if (identity.capturedAt) this.capturedAt = identity.capturedAt;
    this.#services = identity.services;
    this.#identityWarnings = identity.warnings;
  }

  /**
   * Opens a snapshot directory; throws `SnapshotError` when it is missing, when `account.json`
   * is invalid, or when the account cannot be told. With `rereadEachCollect`, every collect reads
   * the files afresh, so a folder changed between events plays an account that changes (the local
   * pipeline); otherwise each file is read once for the collector's life (a scan).
   * @example const collector = await SnapshotCollector.open('/tmp/snapshot');
   */
  static async open(dir: string, options: { rereadEachCollect?: boolean } = {}): Promise<SnapshotCollector> {
    const files = new SnapshotFiles(dir);
    return new SnapshotCollector(
      dir,
      files,
      await readIdentity(dir, files),
      options.rereadEachCollect ?? false,
    );
  }

  /** Every resource in the snapshot. */
  async collectAll(): Promise<CollectResult> {
    const context = this.#context();
    const resources = await collectEverything(context, this.#services);
    return { resources, missing: [], warnings: this.#warnings(context) };
  }

  /**
   * One unit of a split sweep, as the live collector reads it: `collectAll` narrowed to the unit's
   * resources (a slice is of the repositories sorted by name, with their images).
   * @example const { resources } = await collector.collectUnit({ service: 'ecr-repositories', start: 0, count: 2 });
   */
  async collectUnit(unit: CollectUnit): Promise<CollectResult> {
    const all = await this.collectAll();
    return { ...all, resources: resourcesOfUnit(all.resources, unit) };
  }

  /**
   * Re-reads the named resources; refs whose resource is not in the snapshot are `missing`. Every
   * ref is read to the end; when some could not be read, throws one `RefReadError` naming each.
   */
  async collect(refs: ResourceRef[]): Promise<CollectResult> {
    const context = this.#context();
    const outcomes = await readEachRef(refs, (ref) => collectRef(context, ref));
    return gatherOutcomes(refs, outcomes, this.#warnings(context));
  }

  #context(): ReadContext {
    if (this.#reread) this.#files = new SnapshotFiles(this.dir);
    return { session: new ReadSession(this.#files, [ACCOUNT_FILE]), scope: this.scope };
  }

  #warnings(context: ReadContext): string[] {
    return [...this.#identityWarnings, ...context.session.warnings];
  }
}

/** The resources of `all` that a unit of a split sweep reads. */
function resourcesOfUnit(all: Resource[], unit: CollectUnit): Resource[] {
  if (unit.service !== 'ecr-repositories') {
    const ofUnit = { 'ecr-registry': 'ecr-registry', eks: 'eks-', iam: 'iam-' }[unit.service];
    return all.filter((resource) => resource.type.startsWith(ofUnit));
  }
  const names = new Set(
    all
      .filter((resource) => resource.type === 'ecr-repository')
      .map((resource) => resource.name)
      .sort((a, b) => a.localeCompare(b))
      .slice(unit.start, unit.start + unit.count),
  );
  return all.filter(
    (resource) =>
      (resource.type === 'ecr-repository' && names.has(resource.name)) ||
      (resource.type === 'ecr-image' && names.has(resource.name.slice(0, resource.name.indexOf('@')))),
  );
}
