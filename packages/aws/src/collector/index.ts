export { AccountCollector, type AccountCollectorOptions, type SessionSource } from './account-collector.js';
export type { Collector, CollectResult, CollectUnit, RegionInventory } from './collector.js';
