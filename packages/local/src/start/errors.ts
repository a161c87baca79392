/** `customs start` could not start: one sentence saying what to do (exit status 2). */
export class StartError extends Error {
  override name = 'StartError';
}
