import type { PipelineDependencies } from './dependencies.js';
import { type SweepOutcome, storeSweep } from './store-sweep.js';
import { sweepScopes } from './unit-scopes.js';

/**
 * Assesses everything the collector sees and resolves the findings of resources it no longer
 * finds (in its account and region; a global service's, IAM's, in its home region, when it read
 * it). Catches what no event announced.
 * @example const { changes } = await runSweep(dependencies);
 */
export async function runSweep(dependencies: PipelineDependencies): Promise<SweepOutcome> {
  const { collector } = dependencies;
  const { resources, warnings } = await collector.collectAll();
  return storeSweep(resources, warnings, sweepScopes(collector.scope.region, resources), dependencies);
}
