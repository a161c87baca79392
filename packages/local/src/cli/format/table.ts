import { safeText } from '@customs/core';

/**
 * Renders rows as a plain-text table with aligned columns. Every cell goes through `safeText`
 * (control characters escaped, so nothing in a name or a message can act on the terminal) and is
 * cut at `maxWidth` with `…`.
 * @example toTable([['STATUS', 'CHECK'], ['FAIL', 'eks-cluster-audit-logging']])
 */
export function toTable(rows: string[][], maxWidth = 80): string {
  const cut = rows.map((row) =>
    row.map((cell) => {
      const shown = safeText(cell, { maxLength: maxWidth });
      return shown.length > maxWidth ? `${shown.slice(0, maxWidth - 1)}…` : shown;
    }),
  );
  const widths: number[] = [];
  for (const row of cut) {
    for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 0, cell.length);
  }
  return cut
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
