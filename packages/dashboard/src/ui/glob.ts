/**
 * Whether `text` matches a suppression's resource pattern as the API matches it: `*` any run of
 * characters, every other character itself, case-sensitively. Linear in the text per part, no
 * regular expression (no backtracking on a hostile pattern).
 * @example globMatches('arn:aws:ecr:*:repository/app', 'arn:aws:ecr:eu-west-1:1:repository/app') // true
 */
export function globMatches(pattern: string, text: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === text;
  const head = parts[0] ?? '';
  const tail = parts.at(-1) ?? '';
  if (!text.startsWith(head) || text.length < head.length + tail.length) return false;
  let at = head.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found === -1) return false;
    at = found + part.length;
  }
  return text.length - tail.length >= at && text.endsWith(tail);
}
