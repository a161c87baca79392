import type { AnyCheck } from './define-check.js';

/**
 * A check's metadata, as `customs checks --format json` and `GET /checks` show it: everything
 * but the check function.
 * @example CATALOG.all().map(checkMetadata);
 */
export function checkMetadata(check: AnyCheck) {
  const { evaluate: _evaluate, ...metadata } = check;
  return metadata;
}
