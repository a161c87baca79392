import { describeError } from '../replay/describe.js';

export interface ProcessGuardOptions {
  /** Where the one line goes. */
  err: NodeJS.WritableStream;
  /**
   * `customs start`: a stray error is logged and the stack keeps serving. One-shot commands log it
   * too, finish, and exit 1.
   */
  longRunning: boolean;
  /** The process to guard [process]. */
  process?: NodeJS.Process;
}

/**
 * Installs `unhandledRejection` and `uncaughtException` handlers that turn a stray error into one
 * logged line, `customs: internal error: …` (bounded, control-escaped; the stack with
 * CUSTOMS_DEBUG=1), instead of Node's exit with a raw stack: never an exit for `customs start`,
 * exit status 1 at the end for a one-shot command. Returns a function that removes them.
 * @example installProcessGuards({ err: process.stderr, longRunning: command === 'start' });
 */
export function installProcessGuards(options: ProcessGuardOptions): () => void {
  const target = options.process ?? process;
  const report = (kind: string) =>
    function logInternalError(reason: unknown) {
      options.err.write(`customs: internal error (${kind}): ${describeError(reason)}\n`);
      if (target.env.CUSTOMS_DEBUG && reason instanceof Error && reason.stack) {
        options.err.write(`${reason.stack}\n`);
      }
      if (!options.longRunning) target.exitCode = 1;
    };
  const onRejection = report('unhandled rejection');
  const onException = report('uncaught exception');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return function removeProcessGuards() {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
