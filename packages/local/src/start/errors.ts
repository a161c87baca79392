import { CustomsError } from '@customs/core';

/** `customs start` could not start (input: the machine's setup): one sentence saying what to do. */
export class StartError extends CustomsError {
  override name = 'StartError';

  constructor(message: string) {
    super('input', message);
  }
}
