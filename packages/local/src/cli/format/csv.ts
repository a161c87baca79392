import { safeText } from '@customs/core';

/** The longest CSV field kept: a message or a policy-sized value, never a whole hostile event. */
const MAX_FIELD_LENGTH = 10_000;

/**
 * Quotes a CSV field when needed, and neutralises spreadsheet formulas (a leading = + - @); control
 * characters are escaped (`safeText`), as CSV is printed on terminals too.
 */
function csvField(value: unknown): string {
  let text = value === undefined || value === null ? '' : safeText(value, { maxLength: MAX_FIELD_LENGTH });
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders rows as RFC 4180 CSV with a header line.
 * @example toCsv([{ a: 1, b: 'x,y' }], ['a', 'b']) // 'a,b\n1,"x,y"\n'
 */
export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
