import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountRouter, type Collector, SnapshotCollector } from '@customs/aws';
import { openLiveCollector } from '../cli/commands/scan-aws.js';
import { UsageError } from '../cli/errors.js';
import { DEMO_SNAPSHOTS } from '../demo.js';

/** Which account `customs start` assesses, and how it is described to the user. */
export interface AccountSource {
  label: string;
  /** A snapshot folder read afresh on every collect (the demo's is a working copy). */
  snapshotDir?: string;
  collector?: Collector;
  /** What the sweep's progress line says it reads: `AWS`, `the snapshot`, `the snapshots`. */
  reads: string;
  /** When the snapshots were taken (the home account's `capturedAt`): the time they are assessed at. */
  capturedAt?: Date;
  /** The demo story applies to the demo's home account only (`snapshotDir`, its working copy). */
  isDemo: boolean;
  /** Removes what it made (the demo's working copy in the temporary folder); idempotent. */
  cleanUp(): Promise<void>;
}

const nothing = async () => {};

/**
 * The demo's two accounts by default (working copies in a temporary folder, so the story's
 * changes do not touch the bundled snapshots), another snapshot folder or several (one account
 * each), or the live account (`--aws`).
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
      reads: 'AWS',
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
      reads: 'the snapshot',
      isDemo: false,
      cleanUp: nothing,
    };
  return demoSource();
}

/**
 * The demo's accounts (production and staging, {@link DEMO_SNAPSHOTS}) as one organisation, each
 * a working copy in one temporary folder, so the story's changes do not touch the bundled
 * snapshots; the story plays on the production account's copy (`snapshotDir`).
 */
async function demoSource(): Promise<AccountSource> {
  const copy = await mkdtemp(join(tmpdir(), 'customs-demo-'));
  const cleanUp = () => rm(copy, { recursive: true, force: true });
  try {
    const dirs = await Promise.all(
      DEMO_SNAPSHOTS.map(async (dir, index) => {
        const target = join(copy, String(index));
        await cp(dir, target, { recursive: true });
        return target;
      }),
    );
    const { accounts, ...organisation } = await organisationSource(dirs);
    return {
      ...organisation,
      label: `the demo accounts (Brightwater Payments, production and staging: ${accounts.join(' and ')}), working copies in ${copy}`,
      snapshotDir: dirs[0] as string,
      isDemo: true,
      cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * Several snapshot folders as the accounts of one organisation: an {@link AccountRouter} over one
 * snapshot collector per folder (each read afresh on every collect), the first folder's account
 * the home one. A ref routes to its account's snapshot; a ref of an account no folder holds is
 * ignored with the reason (the router's warning). Two folders of one account are refused.
 * @example const source = await organisationSource(['snapshots/demo', 'snapshots/harbour']);
 */
async function organisationSource(dirs: readonly string[]): Promise<AccountSource & { accounts: string[] }> {
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
    reads: 'the snapshots',
    // One sweep is assessed at one time: the home snapshot's (a demo's folders share it).
    ...(home.capturedAt ? { capturedAt: home.capturedAt } : {}),
    accounts: [...byAccount.keys()],
    isDemo: false,
    cleanUp: nothing,
  };
}
