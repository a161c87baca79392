export { SnapshotFiles } from './files.js';
export { SnapshotCollector } from './snapshot-collector.js';
export { SnapshotSession } from './snapshot-session.js';
