import type { SweepUnit } from '@customs/aws';
import { CustomsError, GLOBAL_SERVICES } from '@customs/core';
import type { PipelineDependencies } from './dependencies.js';
import { incrementalReads } from './image-reads.js';
import { type SweepOutcome, storeSweep } from './store-sweep.js';
import { unitScopes } from './unit-scopes.js';

/** A unit this worker cannot run (input): the collector cannot read units, or the unit is of another region. */
export class SweepUnitError extends CustomsError {
  override name = 'SweepUnitError';

  constructor(message: string) {
    super('input', message);
  }
}

/**
 * Runs one unit of a split sweep (one SQS message): reads it with `collectUnit`, evaluates and
 * stores, then resolves the findings of resources the unit was responsible for and did not see
 * (see {@link unitScopes}). Units are independent: retrying one re-does it alone.
 * @example const { changes } = await runSweepUnit({ service: 'eks', region: 'eu-west-1' }, dependencies);
 */
export async function runSweepUnit(
  unit: SweepUnit,
  dependencies: PipelineDependencies,
): Promise<SweepOutcome> {
  const { collector } = dependencies;
  if (!collector.collectUnit) throw new SweepUnitError('the collector cannot read a unit of a split sweep');
  const global = (GLOBAL_SERVICES as readonly string[]).includes(unit.service);
  if (!global && unit.region !== collector.scope.region)
    throw new SweepUnitError(`a unit of ${unit.region} reached the collector of ${collector.scope.region}`);
  const { resources, warnings, incomplete } = await collector.collectUnit(
    unit,
    incrementalReads(dependencies),
  );
  return storeSweep(resources, warnings, unitScopes(unit, resources), dependencies, incomplete);
}
