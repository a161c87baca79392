import { CustomsError, safeText } from '@customs/core';

/** The longest message an EventValidationError keeps: it is logged, printed and kept with the event. */
export const MAX_REASON_LENGTH = 1000;

/**
 * An event that is not what its source documents; the message names the field that is wrong. The
 * message is bounded and control-escaped (`safeText`), whatever the event held, so it is safe to
 * log, print and keep.
 * @example throw new EventValidationError('detail.image-digest: expected a string');
 */
export class EventValidationError extends CustomsError {
  override name = 'EventValidationError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('input', safeText(message, { maxLength: MAX_REASON_LENGTH }), options);
  }
}
