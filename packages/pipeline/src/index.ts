export { type Assessment, assessRefs } from './assess-refs.js';
export type { PipelineDependencies } from './dependencies.js';
export { type PlannedSweepOutcome, planOrRunSweep, type SplitOptions } from './plan-or-run-sweep.js';
export { type EventOutcome, processEvent, processParsedEvent } from './process-event.js';
export { runSweep } from './run-sweep.js';
export { runSweepUnit, SweepUnitError } from './run-sweep-unit.js';
export type { SweepOutcome } from './store-sweep.js';
export { awsInventory, type Inventory, inventoryOf } from './sweep-inventory.js';
export {
  DEFAULT_SWEEP_RATES,
  type PlanOptions,
  planRegionSweep,
  type RegionInventory,
  storedResources,
  sweepSizes,
} from './sweep-plan.js';
export { deletedRepositoriesScope, repositoryOf, type UnitScope, unitScopes } from './unit-scopes.js';
