export { MAX_FILE_NAME_BYTES, SnapshotFiles, snapshotKey, snapshotPath } from './files.js';
export { SnapshotCollector } from './snapshot-collector.js';
