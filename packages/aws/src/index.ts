export * from './collector/index.js';
export { type RefFailure, RefReadError, SnapshotError } from './errors.js';
export * from './live/index.js';
export * from './normalise/index.js';
export * from './read/index.js';
export * from './registry/index.js';
export * from './session/index.js';
export * from './snapshot/index.js';
export * from './sweep/index.js';
