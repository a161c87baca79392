import { CustomsError } from '@customs/core';

/** A cursor that this store did not issue for this query (input; the API's `invalid_cursor`). */
export class InvalidCursorError extends CustomsError {
  override name = 'InvalidCursorError';

  constructor(message: string) {
    super('input', message, { code: 'invalid_cursor' });
  }
}

/** Some findings of an evaluation could not be stored after every retry (internal). */
export class StoreWriteError extends CustomsError {
  override name = 'StoreWriteError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('internal', message, options);
  }
}

/**
 * A suppression that names neither a check nor a resource pattern, has a bad pattern, or has
 * already expired (input: it is the request's body, the API's `invalid_body`).
 */
export class InvalidSuppressionError extends CustomsError {
  override name = 'InvalidSuppressionError';

  constructor(message: string) {
    super('input', message, { code: 'invalid_body' });
  }
}
