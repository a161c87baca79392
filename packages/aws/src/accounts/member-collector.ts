import type { Collector } from '../collector/collector.js';
import { LiveCollector, type LiveCollectorOptions } from '../live/live-collector.js';
import type { Scope } from '../normalise/wire.js';
import type { MemberCredentials } from './member-credentials.js';

/** How {@link memberOpener} opens each scope's collector. */
export interface MemberOpenerOptions {
  /** The deployment's own account: read with the function's own role. */
  homeAccountId: string;
  /** The member accounts' credentials (AssumeRole, cached per account). */
  members: MemberCredentials;
  /** The live collector's options but its scope and credentials (its readers, concurrency…). */
  collector: Omit<LiveCollectorOptions, 'region' | 'accountId' | 'credentials'>;
}

/**
 * The `open` of an {@link AccountRouter} over AWS: the home account's collector signs with the
 * function's own role, a member's with the member role's credentials, assumed first so that a
 * role that cannot be assumed fails the open (the account's failure), not each read. The account
 * is known: no DescribeRegistry.
 * @example const router = new AccountRouter({ home, isMember, open: memberOpener({ homeAccountId, members, collector: { readers } }) });
 */
export function memberOpener(options: MemberOpenerOptions): (scope: Scope) => Promise<Collector> {
  return async function openScope(scope) {
    const { accountId, region } = scope;
    if (accountId === options.homeAccountId)
      return LiveCollector.open({ ...options.collector, accountId, region });
    await options.members.credentials(accountId);
    const credentials = options.members.provider(accountId);
    return LiveCollector.open({ ...options.collector, accountId, region, credentials });
  };
}
