export { MAX_FILE_NAME_BYTES, snapshotKey, snapshotPath } from './paths.js';
export {
  type AwsSession,
  type BodyOf,
  type CallSpec,
  callPath,
  type Limited,
  type Operation,
  type StoredSpec,
} from './session.js';
