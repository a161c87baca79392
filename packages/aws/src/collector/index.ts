export { AccountCollector, type AccountCollectorOptions, type SessionSource } from './account-collector.js';
export type {
  Collector,
  CollectResult,
  CollectUnit,
  IncompleteScope,
  MissingRef,
  RegionInventory,
} from './collector.js';
