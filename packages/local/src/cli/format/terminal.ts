/** Where a table is printed: its width and whether it may be coloured. */
export interface Terminal {
  /** Columns to fit in; none: no limit (a pipe or a file). */
  width?: number;
  colour: boolean;
}

/**
 * The terminal of a stream: its width and colour when it is a TTY; `NO_COLOR` (any non-empty value)
 * turns colour off, `FORCE_COLOR` (non-empty, not `0`) on, whatever the stream.
 * @example terminalOf(process.stdout, process.env) // { width: 120, colour: true }
 */
export function terminalOf(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): Terminal {
  const tty = stream as Partial<NodeJS.WriteStream>;
  const isTty = tty.isTTY === true;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  const colour = env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? false : forced || isTty;
  return { ...(isTty && tty.columns ? { width: tty.columns } : {}), colour };
}

const CODES: Record<string, string> = {
  FAIL: '31;1',
  ERROR: '35;1',
  PASS: '32',
  NOT_APPLICABLE: '2',
  // Stored findings' states (customs findings)
  OPEN: '31;1',
  SUPPRESSED: '2',
  RESOLVED: '32',
  PASSING: '32',
  critical: '97;41',
  high: '31',
  medium: '33',
  low: '36',
  informational: '2',
};

/**
 * A status or severity in its colour (text already padded: escape codes take no columns), or as
 * it is without colour. Only these fixed words are coloured: nothing from an account.
 * @example paint('FAIL  ', 'FAIL', true) // '\u001b[31;1mFAIL  \u001b[0m'
 */
export function paint(text: string, word: string, colour: boolean): string {
  const code = CODES[word];
  return colour && code ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** Cuts text to `width` columns with `…`. */
export function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

/** Wraps text to lines of at most `width` columns, at spaces where it can; no character is lost. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const at = space > width / 3 ? space : width;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, '');
  }
  if (rest !== '') lines.push(rest);
  return lines;
}
