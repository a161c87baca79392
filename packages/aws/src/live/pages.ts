/** Fields that only carry pagination state; a merged body leaves them out. */
const PAGINATION_FIELDS = new Set(['nextToken', 'NextToken', 'Marker', 'IsTruncated', '$metadata']);

/**
 * One response body from the pages of a call, as `aws ... ` prints it with every page joined:
 * list fields concatenated, pagination tokens and `$metadata` left out.
 * @example mergePages([{ repositories: [a], nextToken: 't' }, { repositories: [b] }]) // { repositories: [a, b] }
 */
export function mergePages<T extends object>(pages: T[]): T {
  const merged: Record<string, unknown> = {};
  for (const page of pages) {
    for (const [field, value] of Object.entries(page)) {
      if (PAGINATION_FIELDS.has(field) || value === undefined) continue;
      const previous = merged[field];
      merged[field] = Array.isArray(previous) && Array.isArray(value) ? [...previous, ...value] : value;
    }
  }
  return merged as T;
}
