import type { SweepPlan, SweepUnit } from '@customs/aws';
import type { PipelineDependencies } from './dependencies.js';
import { runSweep } from './run-sweep.js';
import type { SweepOutcome } from './store-sweep.js';
import { type Inventory, inventoryOf } from './sweep-inventory.js';
import { type PlanOptions, planRegionSweep } from './sweep-plan.js';
import { deletedRepositoriesScope } from './unit-scopes.js';

/** How the coordinator hands out the units of a split sweep, and how it plans. */
export interface SplitOptions extends PlanOptions {
  /** Sends the units to the workers (an SQS queue); throws when some could not be sent. */
  enqueue(units: SweepUnit[]): Promise<void>;
  /** Counts the region [the collector's own: DescribeRepositories and ListClusters]. */
  inventory?: Inventory;
  /** false: the global services (IAM) are another invocation's (an account's other region) [true]. */
  global?: boolean;
}

/** What the coordinator did: the whole sweep (`split: false`), or the deletions and the units sent. */
export interface PlannedSweepOutcome extends SweepOutcome {
  plan: SweepPlan;
  split: boolean;
  /** Units handed to `enqueue` (0 when it fitted). */
  enqueued: number;
}

/**
 * The daily sweep's coordinator: counts the region, plans with the last sweep's image count
 * (`planRegionSweep`); when one invocation fits, runs the whole sweep (`runSweep`); else resolves
 * the findings of repositories that no longer exist (no slice would) and enqueues the units, each
 * of which `runSweepUnit` runs in a worker.
 * @example const outcome = await planOrRunSweep(dependencies, { enqueue: sqsEnqueuer(sqs, queueUrl) });
 */
export async function planOrRunSweep(
  dependencies: PipelineDependencies,
  options: SplitOptions,
): Promise<PlannedSweepOutcome> {
  const { collector, repository } = dependencies;
  const inventory = await (options.inventory ?? inventoryOf(collector))();
  const plan = planRegionSweep(inventory, await repository.summary(), options);
  if (plan.fits) {
    const whole = await runSweep(dependencies, options.global === false ? { global: false } : {});
    return { ...whole, plan, split: false, enqueued: 0 };
  }
  const changes = await repository.resolveMissing({
    accountId: collector.scope.accountId,
    ...deletedRepositoriesScope(inventory.region, inventory.repositories),
    presentResourceIds: [],
    reason: 'Not found by the sweep: the repository no longer exists',
    at: dependencies.clock().toISOString(),
  });
  await options.enqueue(plan.units);
  return { resources: 0, findings: 0, changes, warnings: [], plan, split: true, enqueued: plan.units.length };
}
