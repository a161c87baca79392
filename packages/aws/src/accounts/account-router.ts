import { RESOURCE_TYPES, type Resource, type ResourceRef, safeText } from '@customs/core';
import type { Collector, CollectResult, IncompleteScope } from '../collector/collector.js';
import { normaliseAwsAccount } from '../normalise/aws-account.js';
import type { Scope } from '../normalise/wire.js';
import { accountFailure } from './account-failure.js';

/** How an {@link AccountRouter} finds and opens the accounts it reads. */
export interface AccountRouterOptions {
  /** The deployment's own account and region: a ref that names neither is read there. */
  home: Scope;
  /** Is the account one Customs reads? (the home account always is) */
  isMember: (accountId: string) => Promise<boolean> | boolean;
  /** The collector of one account and region (a member's assumes its role; throws when it cannot). */
  open: (scope: Scope) => Promise<Collector>;
  /** Every member account, for `collectAll` [the home account only]. */
  members?: () => Promise<readonly string[]> | readonly string[];
  /** The regions read in every account, for `collectAll` [the home region only]. */
  regions?: readonly string[];
  /**
   * Assess each scope as an `aws-account` resource (an organisation's deployment): the result
   * then holds the resource of every scope that failed (ERROR: why), of every scope this call
   * opened (PASS: its member role was just assumed) and, for `collectAll`, of every scope read.
   * `memberRoleName` is the role a member's resource names. Absent, no such resource.
   */
  assessScopes?: { memberRoleName: string };
}

/** A scope the router could not read, and why (the account-level finding's reason). */
export interface ScopeFailure {
  scope: Scope;
  /** Bounded and control-escaped: never credentials, never raw AWS text. */
  reason: string;
}

/** What an {@link AccountRouter} read: a collector's result, and the scopes it could not read. */
export interface RoutedResult extends CollectResult {
  failures: ScopeFailure[];
}

const keyOf = (scope: Scope) => `${scope.accountId} ${scope.region}`;

/**
 * The {@link Collector} of an organisation: routes each ref to the collector of its account and
 * region (the home's when the ref names none), opening each once and keeping it. A ref of an
 * account that is not a member is never read: a warning names the account. A scope that cannot
 * be opened or read (the member role missing or denied, the region not enabled) is a warning and
 * a {@link ScopeFailure} in the result's `failures`, never a throw that stops the others; any other error is
 * thrown once every scope has settled.
 * @example
 * const router = new AccountRouter({ home, isMember: (id) => members.has(id), open: openMember });
 * const { resources, warnings } = await router.collect(refs);
 */
export class AccountRouter implements Collector {
  readonly scope: Scope;
  readonly #options: AccountRouterOptions;
  readonly #opened = new Map<string, Promise<Collector>>();

  constructor(options: AccountRouterOptions) {
    this.scope = { ...options.home };
    this.#options = options;
  }

  /**
   * The collector of one scope, opened on first use and kept (a failed open is not kept: the
   * next call tries again, so a role deployed since is picked up).
   * @example const member = await router.collectorOf({ accountId: '444455556666', region: 'eu-west-1' });
   */
  collectorOf(scope: Scope): Promise<Collector> {
    return this.#collectorOf(scope).collector;
  }

  /** The scope's collector, and whether this call is the one that opened it. */
  #collectorOf(scope: Scope): { collector: Promise<Collector>; fresh: boolean } {
    const key = keyOf(scope);
    const kept = this.#opened.get(key);
    if (kept) return { collector: kept, fresh: false };
    const opened = this.#options.open({ ...scope });
    opened.catch(() => {
      if (this.#opened.get(key) === opened) this.#opened.delete(key);
    });
    this.#opened.set(key, opened);
    return { collector: opened, fresh: true };
  }

  /** Does the router assess its scopes as `aws-account` resources ({@link AccountRouterOptions.assessScopes})? */
  get assessesScopes(): boolean {
    return this.#options.assessScopes !== undefined;
  }

  /**
   * The `aws-account` resource of a scope (see {@link AccountRouterOptions.assessScopes}): read,
   * or not with `failure` as the reason.
   * @example const resource = router.accountResource({ accountId: '444455556666', region: 'eu-west-1' });
   */
  accountResource(scope: Scope, failure?: string): Resource {
    const home = scope.accountId === this.scope.accountId;
    const memberRoleName = this.#options.assessScopes?.memberRoleName ?? '';
    return normaliseAwsAccount({
      scope,
      ...(home ? {} : { memberRoleName }),
      ...(failure === undefined ? {} : { failure }),
    });
  }

  /** Every member account × region ({@link AccountRouterOptions.members}, `regions`). */
  async scopes(): Promise<Scope[]> {
    const listed = this.#options.members ? await this.#options.members() : [];
    const accounts = [...new Set([this.scope.accountId, ...listed])];
    const regions = this.#options.regions?.length ? this.#options.regions : [this.scope.region];
    return accounts.flatMap((accountId) => regions.map((region) => ({ accountId, region })));
  }

  /** Re-reads each ref in its own account and region; non-members' refs are ignored, with the reason. */
  async collect(refs: ResourceRef[]): Promise<RoutedResult> {
    const groups = new Map<string, { scope: Scope; refs: ResourceRef[] }>();
    for (const ref of refs) {
      const scope = {
        accountId: ref.accountId ?? this.scope.accountId,
        region: ref.region ?? this.scope.region,
      };
      const group = groups.get(keyOf(scope)) ?? { scope, refs: [] };
      group.refs.push(ref);
      groups.set(keyOf(scope), group);
    }
    const members = new Map<string, Promise<string | undefined>>();
    const notMember = (accountId: string) => {
      if (!members.has(accountId)) members.set(accountId, this.#notMember(accountId));
      return members.get(accountId) as Promise<string | undefined>;
    };
    const opened = new Set<string>();
    return this.#gather(
      [...groups.values()].map(async ({ scope, refs: scopeRefs }) => {
        const why = await notMember(scope.accountId);
        if (why) return ignored(why, scopeRefs.length);
        const { collector, fresh } = this.#collectorOf(scope);
        const result = await (await collector).collect(scopeRefs);
        if (fresh) opened.add(keyOf(scope));
        return result;
      }),
      [...groups.values()].map((group) => group.scope),
      (scope) => opened.has(keyOf(scope)),
    );
  }

  /**
   * Every resource of every member account × region; a scope that fails leaves the others read.
   * A global service's resources (IAM), read by each region's collector of an account, are kept once.
   */
  async collectAll(): Promise<RoutedResult> {
    const scopes = await this.scopes();
    const result = await this.#gather(
      scopes.map(async (scope) => (await this.collectorOf(scope)).collectAll()),
      scopes,
      () => true,
    );
    const seen = new Set<string>();
    const resources = result.resources.filter((resource) => {
      const key = `${resource.type} ${resource.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { ...result, resources };
  }

  /** Why the account is not read, or undefined when it is a member. */
  async #notMember(accountId: string): Promise<string | undefined> {
    if (accountId === this.scope.accountId) return undefined;
    const account = safeText(accountId, { maxLength: 40 });
    if (!/^\d{12}$/.test(accountId)) return `account ${account} is not an AWS account id: ignored`;
    return (await this.#options.isMember(accountId))
      ? undefined
      : `account ${account} is not in the organisation: ignored`;
  }

  /**
   * Settles every scope's read, merges what was read; account failures become warnings (and,
   * assessing scopes, ERROR resources; `reached` scopes read become PASS resources).
   */
  async #gather(
    reads: Promise<CollectResult>[],
    scopes: Scope[],
    reached: (scope: Scope) => boolean,
  ): Promise<RoutedResult> {
    const assess = this.#options.assessScopes !== undefined;
    const settled = await Promise.allSettled(reads);
    const merged: CollectResult & { incomplete: IncompleteScope[] } = {
      resources: [],
      missing: [],
      warnings: [],
      incomplete: [],
    };
    const failures: ScopeFailure[] = [];
    let thrown: { error: unknown } | undefined;
    settled.forEach((outcome, index) => {
      const scope = scopes[index] as Scope;
      if (outcome.status === 'fulfilled') {
        merged.resources.push(...outcome.value.resources);
        merged.missing.push(...outcome.value.missing);
        merged.warnings.push(...outcome.value.warnings);
        merged.incomplete.push(...(outcome.value.incomplete ?? []));
        if (assess && reached(scope)) merged.resources.push(this.accountResource(scope));
        return;
      }
      const reason = accountFailure(outcome.reason);
      if (reason === undefined) {
        thrown ??= { error: outcome.reason };
        return;
      }
      failures.push({ scope, reason });
      if (assess) merged.resources.push(this.accountResource(scope, reason));
      merged.warnings.push(`account ${scope.accountId} in ${scope.region} could not be read: ${reason}`);
      // A sweep resolves the home account's findings: none of a scope it could not read.
      if (scope.accountId === this.scope.accountId) {
        merged.incomplete.push({ resourceTypes: [...RESOURCE_TYPES], idPrefix: '', reason });
      }
    });
    if (thrown) throw thrown.error;
    const { incomplete, ...rest } = merged;
    return { ...rest, ...(incomplete.length > 0 ? { incomplete } : {}), failures };
  }
}

/** The result of refs that are not read: nothing, and why. */
function ignored(why: string, count: number): CollectResult {
  return { resources: [], missing: [], warnings: [`${why} (${count} ref(s))`] };
}
