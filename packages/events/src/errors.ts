/** An event that is not what its source documents; the message names the field that is wrong. */
export class EventValidationError extends Error {
  override name = 'EventValidationError';
}
