/**
 * `JSON.stringify` for a terminal: the same JSON value, with the characters JSON leaves as they
 * are but a terminal may act on (DEL and the C1 controls, U+007F–U+009F, such as the one-byte
 * CSI U+009B) written as `\u` escapes. JSON already escapes C0 controls and lone surrogates, so no
 * escape sequence from an event or an account reaches the terminal, and parsing gives back the
 * exact value. One pass, no regular expression.
 * @example toSafeJson({ name: '\u009b2J' }) // '{\n  "name": "\\u009b2J"\n}'
 */
export function toSafeJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  let out = '';
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x7f && code <= 0x9f) {
      out += `${text.slice(start, index)}\\u00${code.toString(16)}`;
      start = index + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}
