import { AccountRouter, accountFailure, type Scope, type SweepUnit } from '@customs/aws';
import { GLOBAL_SERVICES } from '@customs/core';
import type { PipelineDependencies } from './dependencies.js';
import { planOrRunSweep, type SplitOptions } from './plan-or-run-sweep.js';
import { runSweepUnit } from './run-sweep-unit.js';
import { type SweepOutcome, storeSweep } from './store-sweep.js';

/**
 * A message of an organisation's sweep on the sweep queue: `account`, plan and sweep one account
 * and region (a worker does, as the coordinator of a single account would), or a unit of that
 * plan, carrying its account.
 */
export type AccountSweepMessage =
  | { service: 'account'; accountId: string; region: string }
  | (SweepUnit & { accountId: string });

/** What a worker did with one message of an organisation's sweep. */
export interface AccountSweepOutcome extends SweepOutcome {
  /** The account-level failure (the member role cannot be assumed…), when its scope could not be opened. */
  failure?: string;
  /** Units it queued (an `account` message whose plan split). */
  enqueued: number;
}

/**
 * The collector of an organisation, when the dependencies read one ({@link AccountRouter}).
 * @example const router = routerOf(dependencies);
 */
export function routerOf(dependencies: PipelineDependencies): AccountRouter | undefined {
  return dependencies.collector instanceof AccountRouter ? dependencies.collector : undefined;
}

/**
 * The coordinator of an organisation's sweep: one `account` message per member account × region,
 * so that no invocation reads more than one scope and a broken account delays no other.
 * @example await enqueue(await accountSweepMessages(router));
 */
export async function accountSweepMessages(router: AccountRouter): Promise<AccountSweepMessage[]> {
  const scopes = await router.scopes();
  return scopes.map(({ accountId, region }) => ({ service: 'account', accountId, region }));
}

/**
 * Runs one message of an organisation's sweep in its account's collector: an `account` message
 * plans that scope (`planOrRunSweep`: whole, or split into units queued with the account: the
 * global services' unit only from the account's first region, so IAM is read once an account); a
 * unit runs as `runSweepUnit`. When the router assesses its scopes (`assessScopes`, the Lambda
 * wiring's), the scope is assessed as an `aws-account` resource, stored as a sweep's finding
 * (conditional and ordered like any other). A scope that cannot be opened or read (its role
 * missing or denied, its region not enabled, STS throttling after the retries) is then an ERROR
 * naming why; either way it is reported in `failure` and never thrown (a retry would fail the same way; the
 * other accounts' messages go on); an `account` message whose scope was read is a PASS, which
 * resolves an earlier ERROR. Any other error is thrown, so the queue retries the message.
 * @example const outcome = await runAccountSweepMessage(message, dependencies, { enqueue });
 */
export async function runAccountSweepMessage(
  message: AccountSweepMessage,
  dependencies: PipelineDependencies,
  options: Pick<SplitOptions, 'enqueue' | 'budget' | 'rates'>,
): Promise<AccountSweepOutcome> {
  const router = routerOf(dependencies);
  if (!router) throw new Error('an account sweep message reached a collector of one account');
  const scope: Scope = { accountId: message.accountId, region: message.region };
  let outcome: AccountSweepOutcome;
  try {
    const collector = await router.collectorOf(scope);
    outcome = await runInScope(message, router, { ...dependencies, collector }, options);
  } catch (error) {
    const reason = accountFailure(error);
    if (reason === undefined) throw error;
    const warning = `account ${scope.accountId} in ${scope.region} could not be read: ${reason}`;
    const failed = {
      resources: 0,
      findings: 0,
      changes: [],
      warnings: [warning],
      failure: reason,
      enqueued: 0,
    };
    if (!router.assessesScopes) return failed;
    const stored = await storeSweep([router.accountResource(scope, reason)], [], [], dependencies);
    return { ...failed, ...stored, warnings: [warning] };
  }
  if (message.service !== 'account' || !router.assessesScopes) return outcome;
  const reached = await storeSweep([router.accountResource(scope)], [], [], dependencies);
  return {
    ...outcome,
    resources: outcome.resources + reached.resources,
    findings: outcome.findings + reached.findings,
    changes: [...outcome.changes, ...reached.changes],
  };
}

/** The message's work in its scope's collector (`scoped`): the unit, or the scope's plan. */
async function runInScope(
  message: AccountSweepMessage,
  router: AccountRouter,
  scoped: PipelineDependencies,
  options: Pick<SplitOptions, 'enqueue' | 'budget' | 'rates'>,
): Promise<AccountSweepOutcome> {
  const { accountId, region } = message;
  if (message.service !== 'account') {
    const { accountId: _, ...unit } = message;
    return { ...(await runSweepUnit(unit as SweepUnit, scoped)), enqueued: 0 };
  }
  const [first] = await router.scopes().then((all) => all.filter((each) => each.accountId === accountId));
  const readsGlobal = first?.region === region;
  return planOrRunSweep(scoped, {
    ...options,
    global: readsGlobal,
    enqueue: (units) =>
      options.enqueue(
        units
          .filter((unit) => readsGlobal || !(GLOBAL_SERVICES as readonly string[]).includes(unit.service))
          .map((unit) => ({ ...unit, accountId })),
      ),
  });
}
