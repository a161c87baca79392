/**
 * Checks for the values EventBridge itself puts in an envelope, each one linear pass over a short
 * string (no regular expression, so nothing can backtrack on what an event holds).
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, start: number, count: number): number | undefined {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return undefined;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether `hh:mm` at `start` is a valid UTC offset (the sign already read). */
function isOffset(text: string, start: number): boolean {
  const hours = digits(text, start, 2);
  const minutes = digits(text, start + 3, 2);
  return (
    text.length === start + 5 &&
    text[start + 2] === ':' &&
    hours !== undefined &&
    hours <= 23 &&
    minutes !== undefined &&
    minutes <= 59
  );
}

/**
 * Whether `text` is an ISO 8601 instant as EventBridge writes `time`: `YYYY-MM-DDThh:mm:ss`, an
 * optional fraction of 1 to 9 digits, then `Z` or an offset `±hh:mm`; the date must exist.
 * @example isIsoInstant('2019-11-11T21:29:54Z') // true
 * @example isIsoInstant('2023-02-29T02:36:48Z') // false: 2023 is not a leap year
 */
export function isIsoInstant(text: string): boolean {
  if (text.length < 20 || text.length > 35) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year === undefined || month === undefined || day === undefined) return false;
  if (hour === undefined || minute === undefined || second === undefined) return false;
  if (text[4] !== '-' || text[7] !== '-' || (text[10] !== 'T' && text[10] !== 't')) return false;
  if (text[13] !== ':' || text[16] !== ':') return false;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > monthDays) return false;
  let index = 19;
  if (text[index] === '.') {
    const start = ++index;
    while (index < text.length && digits(text, index, 1) !== undefined) index++;
    if (index === start || index - start > 9) return false;
  }
  const zone = text[index];
  if (zone === 'Z' || zone === 'z') return index === text.length - 1;
  return (zone === '+' || zone === '-') && isOffset(text, index + 1);
}

/**
 * Whether `text` is an AWS account id: exactly 12 decimal digits.
 * @example isAccountId('123456789012') // true
 */
export function isAccountId(text: string): boolean {
  return text.length === 12 && digits(text, 0, 12) !== undefined;
}

function isLowerWord(text: string, min: number, max: number): boolean {
  if (text.length < min || text.length > max) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

/**
 * Whether `text` has the form of an AWS Region name: a 2–4 letter area, one to three lower-case
 * words, and a number (`us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `us-isob-east-1`,
 * `eusc-de-east-1`). Regions AWS opens later keep the form, so the form is checked, not a list.
 * @example isRegionName('eu-west-1') // true
 * @example isRegionName('region-code') // false: the documentation's placeholder
 */
export function isRegionName(text: string): boolean {
  if (text.length > 32) return false;
  const parts = text.split('-');
  if (parts.length < 3 || parts.length > 5) return false;
  const [area = '', ...rest] = parts;
  const number = rest.pop() ?? '';
  if (!isLowerWord(area, 2, 4)) return false;
  if (!rest.every((word) => isLowerWord(word, 1, 12))) return false;
  return number.length >= 1 && number.length <= 2 && digits(number, 0, number.length) !== undefined;
}
