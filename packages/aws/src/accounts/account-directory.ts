import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_MAX_ATTEMPTS } from '../live/clients.js';

/** Which accounts Customs reads: the configured list, or the organisation's ACTIVE accounts. */
export interface AccountDirectory {
  isMember(accountId: string): Promise<boolean>;
  /** Every member account id (sorted). */
  members(): Promise<string[]>;
}

/** How an organisation's directory reads ListAccounts. */
export interface DirectoryOptions {
  /** The Organizations client [one with adaptive retry, made (and its code imported) on the first read]. */
  organizations?: Pick<OrganizationsClient, 'send'>;
  /** ListAccounts is read again after this long [10 minutes]: an account that joins is read soon. */
  ttlMs?: number;
  now?: () => number;
}

const TTL_MS = 10 * 60_000;
/** ListAccounts pages at most (20 accounts a page, 10,000 accounts): a token that never ends stops here. */
const MAX_PAGES = 600;

/**
 * The member accounts: `accounts` as configured (12-digit ids), or `'organization'`: Organizations
 * ListAccounts (paged, ACTIVE accounts only: `State`, else the older `Status`), read once and kept
 * for `ttlMs` (concurrent callers share the read). The Organizations client's code is imported on
 * the first read: a configured list never loads it (nor does a bundle split as SST splits it).
 * @example const directory = accountDirectory(config.organization.accounts);
 */
export function accountDirectory(
  accounts: 'organization' | readonly string[],
  options: DirectoryOptions = {},
): AccountDirectory {
  if (accounts !== 'organization') {
    const listed = new Set(accounts);
    return { isMember: async (accountId) => listed.has(accountId), members: async () => [...listed].sort() };
  }
  const now = options.now ?? Date.now;
  let read: { at: number; ids: Promise<Set<string>> } | undefined;
  function active(): Promise<Set<string>> {
    if (!read || now() - read.at >= (options.ttlMs ?? TTL_MS)) {
      const ids = listActive(options.organizations);
      const current = { at: now(), ids };
      ids.catch(() => {
        if (read === current) read = undefined;
      });
      read = current;
    }
    return read.ids;
  }
  return {
    isMember: async (accountId) => (await active()).has(accountId),
    members: async () => [...(await active())].sort(),
  };
}

async function listActive(given: Pick<OrganizationsClient, 'send'> | undefined): Promise<Set<string>> {
  const { ListAccountsCommand, OrganizationsClient } = await import('@aws-sdk/client-organizations');
  const client =
    given ?? new OrganizationsClient({ retryMode: 'adaptive', maxAttempts: DEFAULT_MAX_ATTEMPTS });
  const ids = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await client.send(new ListAccountsCommand(token ? { NextToken: token } : {}));
    for (const account of answer.Accounts ?? []) {
      const state = account.State ?? account.Status;
      if (account.Id && /^\d{12}$/.test(account.Id) && state === 'ACTIVE') ids.add(account.Id);
    }
    token = answer.NextToken;
    if (!token) return ids;
  }
  throw new Error(`Organizations ListAccounts did not end after ${MAX_PAGES} pages`);
}

/**
 * The account the function runs in: `CUSTOMS_ACCOUNT_ID` when set, else STS GetCallerIdentity
 * (which needs no permission; the STS client's code imported only then), asked once per container
 * by the caller.
 * @example const home = await homeAccountId(process.env);
 */
export async function homeAccountId(env: NodeJS.ProcessEnv, sts?: Pick<STSClient, 'send'>): Promise<string> {
  const configured = env.CUSTOMS_ACCOUNT_ID;
  if (configured && /^\d{12}$/.test(configured)) return configured;
  const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const { Account } = await (sts ?? new STSClient({})).send(new GetCallerIdentityCommand({}));
  if (!Account || !/^\d{12}$/.test(Account)) throw new Error('STS GetCallerIdentity gave no account id');
  return Account;
}
