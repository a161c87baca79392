import { safeText } from '@customs/core';
import { MAX_REASON_LENGTH } from '@customs/events';

/**
 * A reason as replay reports and keeps it: bounded and control-escaped, whatever it quotes.
 * @example safeReason(`no rule matches source ${source}`) // never a million characters
 */
export function safeReason(reason: string, maxLength = MAX_REASON_LENGTH): string {
  return safeText(reason, { maxLength });
}

/**
 * `Name: message` of anything thrown, bounded and control-escaped; never throws itself (a thrown
 * value without a string form, such as `Object.create(null)`, is described as such).
 * @example describeError(new TypeError('x is not a function')) // 'TypeError: x is not a function'
 */
export function describeError(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return safeReason(text, 500);
  } catch {
    return 'a thrown value that has no text form';
  }
}
