import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Collector } from '@customs/aws';
import { openLiveCollector } from '../cli/commands/scan-aws.js';
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
  if (options.snapshot)
    return {
      label: `the snapshot in ${options.snapshot}`,
      snapshotDir: options.snapshot,
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
