/**
 * A snapshot that cannot be read: a missing directory, a file that is not JSON, or a body of
 * the wrong shape. The message names the file (relative to the snapshot directory) and the field.
 */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}
