/** A cursor that this store did not issue for this query. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** Some findings of an evaluation could not be stored after every retry. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
}
