/** Bad command-line input: printed to stderr, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
