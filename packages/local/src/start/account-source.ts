import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountRouter, type Collector, SnapshotCollector } from '@customs/aws';
import { openLiveCollector } from '../cli/commands/scan-aws.js';
import { UsageError } from '../cli/errors.js';
import { DEMO_SNAPSHOT } from '../demo.js';

/** Which account `customs start` assesses, and how it is described to the user. */
export interface AccountSource {
  label: string;
  /** A snapshot folder read afresh on every collect (the demo's is a working copy). */
  snapshotDir?: string;
  collector?: Collector;
  /** The demo story applies to the demo account only. */
  isDemo: boolean;
  /** Removes what it made (the demo's working copy in the temporary folder); idempotent. */
  cleanUp(): Promise<void>;
}

const nothing = async () => {};

/**
 * The demo account by default (a working copy in a temporary folder, so the story's changes do
 * not touch the bundled snapshot), another snapshot folder, or the live account (`--aws`).
 * @example const source = await accountSource({});
 */
export async function accountSource(options: {
  snapshot?: string;
  /** Several snapshot folders, one account each (its account.json): read as one organisation. */
  snapshots?: readonly string[];
  aws?: boolean;
  regions?: string[];
  profile?: string;
  /** Told of every body read from AWS, with its region (`--aws`: the sweep's progress counts them). */
  onBody?: (region: string, path: string) => void;
}): Promise<AccountSource> {
  if (options.aws) {
    const collector = await openLiveCollector({
      regions: options.regions ?? [],
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.onBody ? { onBody: options.onBody } : {}),
    });
    return {
      label: `AWS account ${collector.scope.accountId} (${collector.scope.region}), read live`,
      collector,
      isDemo: false,
      cleanUp: nothing,
    };
  }
  if ((options.snapshots?.length ?? 0) > 1) return organisationSource(options.snapshots ?? []);
  const snapshot = options.snapshot ?? options.snapshots?.[0];
  if (snapshot)
    return {
      label: `the snapshot in ${snapshot}`,
      snapshotDir: snapshot,
      isDemo: false,
      cleanUp: nothing,
    };
  const copy = await mkdtemp(join(tmpdir(), 'customs-demo-'));
  await cp(DEMO_SNAPSHOT, copy, { recursive: true });
  return {
    label: `the demo account (Brightwater Payments), a working copy in ${copy}`,
    snapshotDir: copy,
    isDemo: true,
    cleanUp: () => rm(copy, { recursive: true, force: true }),
  };
}

/**
 * Several snapshot folders as the accounts of one organisation: an {@link AccountRouter} over one
 * snapshot collector per folder (each read afresh on every collect), the first folder's account
 * the home one. A ref routes to its account's snapshot; a ref of an account no folder holds is
 * ignored with the reason (the router's warning). Two folders of one account are refused.
 * @example const source = await organisationSource(['snapshots/demo', 'snapshots/harbour']);
 */
async function organisationSource(dirs: readonly string[]): Promise<AccountSource> {
  const collectors = await Promise.all(
    dirs.map((dir) => SnapshotCollector.open(dir, { rereadEachCollect: true })),
  );
  const byAccount = new Map<string, SnapshotCollector>();
  for (const collector of collectors) {
    const { accountId } = collector.scope;
    const other = byAccount.get(accountId);
    if (other) {
      throw new UsageError(
        `--snapshot ${other.dir} and ${collector.dir} are both account ${accountId}: one folder per account`,
      );
    }
    byAccount.set(accountId, collector);
  }
  const [home] = collectors as [SnapshotCollector, ...SnapshotCollector[]];
  const router = new AccountRouter({
    home: home.scope,
    isMember: (accountId) => byAccount.has(accountId),
    // One folder holds one account (its account.json's region; a snapshot reads its own regions).
    open: async (scope) => byAccount.get(scope.accountId) as SnapshotCollector,
    members: () => [...byAccount.keys()],
  });
  const described = collectors.map((collector) => `${collector.scope.accountId} (${collector.dir})`);
  return {
    label: `${collectors.length} accounts from snapshots: ${described.join(', ')}`,
    collector: router,
    isDemo: false,
    cleanUp: nothing,
  };
}
