import type { Service } from '@customs/core';
import { AccountCollector } from '../collector/account-collector.js';
import { ALL_READERS } from '../read/service-readers.js';
import { SnapshotFiles } from './files.js';
import { ACCOUNT_FILE, readIdentity, type SnapshotIdentity } from './scope.js';
import { SnapshotSession } from './snapshot-session.js';

/**
 * The {@link AccountCollector} over a snapshot directory (docs/snapshot.md: AWS CLI / SDK JSON
 * bodies, one file per call), through a {@link SnapshotSession}: the same readers as the live
 * collector, each call answered by its file. Files are read lazily, each once, independent ones
 * concurrently. It adds to the shared collector only how to open one: the directory, the account
 * and region (`account.json` or the ARNs), `capturedAt`.
 * @example
 * const collector = await SnapshotCollector.open('packages/local/snapshots/demo');
 * const { resources, warnings } = await collector.collectAll();
 * evaluateAll(resources, { now: collector.capturedAt });
 */
export class SnapshotCollector extends AccountCollector {
  /** When the snapshot was taken (`account.json` `capturedAt`), the time to assess it at. */
  readonly capturedAt?: Date;
  /** The snapshot directory. */
  readonly dir: string;

  private constructor(dir: string, files: SnapshotFiles, identity: SnapshotIdentity, reread: boolean) {
    let current = files;
    super(
      identity.scope,
      {
        label: 'the snapshot',
        open() {
          if (reread) current = new SnapshotFiles(dir);
          return new SnapshotSession(current, { touched: [ACCOUNT_FILE], warnings: identity.warnings });
        },
        // A snapshot without a service's folder holds none of it: its sweep reads nothing there.
        // Kubernetes is read for each EKS cluster: a snapshot of EKS without a cluster's k8s/
        // files says that cluster's API is unknown (ERROR), never that it has no workloads.
        holds: (service: Service) =>
          identity.services.has(service) || (service === 'k8s' && identity.services.has('eks')),
      },
      { readers: ALL_READERS },
    );
    this.dir = dir;
    if (identity.capturedAt) this.capturedAt = identity.capturedAt;
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
}
