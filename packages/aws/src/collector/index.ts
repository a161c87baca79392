export { AccountCollector, type AccountCollectorOptions, type SessionSource } from './account-collector.js';
export type {
  CollectOptions,
  Collector,
  CollectResult,
  CollectUnit,
  IncompleteScope,
  MissingRef,
  RegionInventory,
} from './collector.js';
