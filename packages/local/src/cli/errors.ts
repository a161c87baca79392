import { CustomsError } from '@customs/core';

/** Bad command-line input (input): printed to stderr as one line. */
export class UsageError extends CustomsError {
  override name = 'UsageError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('input', message, options);
  }
}
