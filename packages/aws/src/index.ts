export type { Collector, CollectResult } from './collector.js';
export { type RefFailure, RefReadError, SnapshotError } from './errors.js';
export * from './live/index.js';
export * from './normalise/index.js';
export * from './snapshot/index.js';
export * from './sweep/index.js';
