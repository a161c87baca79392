import { AccountRouter, type ScopeFailure } from '@customs/aws';
import type { PipelineDependencies } from './dependencies.js';
import { incrementalReads } from './image-reads.js';
import { routedSweepScopes } from './routed-scopes.js';
import { type SweepOutcome, storeSweep } from './store-sweep.js';
import { sweepScopes } from './unit-scopes.js';

/** A sweep's step, as it reaches it: reading the account, then storing what it read. */
interface SweepStep {
  step: 'reading' | 'storing';
  /** Resources read (from the storing step on). */
  resources?: number;
}

/**
 * Assesses everything the collector sees and resolves the findings of resources it no longer
 * finds (in its account and region; a global service's, IAM's, in its home region, when it read
 * it; through an {@link AccountRouter}, in each account it read). Catches what no event announced.
 * `onStep` is told of each step as it begins; `global: false` leaves the global services (IAM) out.
 * @example const { changes } = await runSweep(dependencies, { onStep: (step) => console.log(step) });
 */
export async function runSweep(
  dependencies: PipelineDependencies,
  options: { onStep?: (step: SweepStep) => void; global?: boolean } = {},
): Promise<SweepOutcome> {
  const { collector } = dependencies;
  options.onStep?.({ step: 'reading' });
  const global = options.global === false ? { global: false } : {};
  const read = await collector.collectAll({ ...incrementalReads(dependencies), ...global });
  const { resources, warnings, incomplete } = read;
  options.onStep?.({ step: 'storing', resources: resources.length });
  // An organisation's collector (a local one of several snapshots): each account it read resolves.
  const scopes =
    collector instanceof AccountRouter
      ? await routedSweepScopes(collector, resources, (read as { failures?: ScopeFailure[] }).failures)
      : sweepScopes(collector.scope.region, resources);
  return storeSweep(resources, warnings, scopes, dependencies, incomplete);
}
