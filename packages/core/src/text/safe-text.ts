/** The longest untrusted string shown by default: long enough for an ARN, a message or a reason. */
export const DEFAULT_SAFE_TEXT_LENGTH = 500;

export interface SafeTextOptions {
  /** The most characters kept before the `… (N more characters)` marker [500]. */
  maxLength?: number;
  /** Keep line feeds (multi-line messages such as Slack text); they are escaped as `\n` otherwise. */
  keepNewlines?: boolean;
}

/**
 * Makes untrusted text (a name, reason or message from an event or an account) safe to print on a
 * terminal, in a log line or in Slack: C0 and C1 control characters and DEL become visible escapes
 * (`\u001b`, `\n`, `\t`…), so no ANSI sequence reaches a terminal; a lone UTF-16 surrogate becomes
 * U+FFFD, so the result always encodes; and the text is cut at `maxLength` characters with a marker
 * saying how much was left out. Anything that is not a string is turned into one first. One linear
 * pass; no regular expression.
 * @example safeText('\u001b[2JALL CHECKS PASSED') // '\\u001b[2JALL CHECKS PASSED'
 * @example safeText('x'.repeat(1000), { maxLength: 10 }) // 'xxxxxxxxxx… (990 more characters)'
 */
export function safeText(value: unknown, options: SafeTextOptions = {}): string {
  const text = typeof value === 'string' ? value : String(value);
  const maxLength = options.maxLength ?? DEFAULT_SAFE_TEXT_LENGTH;
  const keepNewlines = options.keepNewlines ?? false;
  let out = '';
  let kept = 0;
  let index = 0;
  for (; index < text.length && kept < maxLength; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[index] + (text[index + 1] as string);
        index++;
      } else {
        out += '\ufffd';
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      out += '\ufffd';
    } else if (code === 0x0a && keepNewlines) {
      out += '\n';
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      out += escapeControl(code);
    } else {
      out += text[index];
    }
    kept++;
  }
  const left = text.length - index;
  return left > 0 ? `${out}… (${left} more characters)` : out;
}

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [9, '\\t'],
  [10, '\\n'],
  [13, '\\r'],
]);

function escapeControl(code: number): string {
  return NAMED_ESCAPES.get(code) ?? `\\u${code.toString(16).padStart(4, '0')}`;
}
