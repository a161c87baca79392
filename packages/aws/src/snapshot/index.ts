export { SnapshotFiles, snapshotPath } from './files.js';
export { SnapshotCollector } from './snapshot-collector.js';
