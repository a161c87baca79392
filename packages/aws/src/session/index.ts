export { MAX_FILE_NAME_BYTES, snapshotKey, snapshotPath } from './paths.js';
export { type AwsSession, type CallSpec, callPath, type Operation, type StoredSpec } from './session.js';
