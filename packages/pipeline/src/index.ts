export { assessRefs } from './assess-refs.js';
export type { PipelineDependencies } from './dependencies.js';
export { planOrRunSweep } from './plan-or-run-sweep.js';
export { type AuditPayloadOutcome, processAuditPayload } from './process-audit.js';
export { processEvent, processParsedEvent } from './process-event.js';
export { runSweep } from './run-sweep.js';
export { runSweepUnit } from './run-sweep-unit.js';
export type { SweepOutcome } from './store-sweep.js';
export {
  type AccountSweepMessage,
  accountSweepMessages,
  routerOf,
  runAccountSweepMessage,
} from './sweep-accounts.js';
export { inventoryOf } from './sweep-inventory.js';
export {
  DEFAULT_SWEEP_RATES,
  planRegionSweep,
  type RegionInventory,
  storedResources,
  sweepSizes,
} from './sweep-plan.js';
