import { reject } from './guards.js';
import type { PatternPath } from './path.js';

/**
 * A parsed wildcard: the literal pieces between the `*`s (escapes resolved). One piece means no `*`.
 * `"*.png"` → `['', '.png']`; `"a\\*b"` → `['a*b']`.
 */
export type WildcardPieces = readonly string[];

/**
 * Parses an EventBridge wildcard: `*` matches any run of characters, `\*` is a literal star and `\\`
 * a literal backslash. Consecutive `*` and any other escape are rejected, as PutRule does.
 * @example parseWildcard('dir/*.png', ['FileName', 0, 'wildcard']) // ['dir/', '.png']
 */
export function parseWildcard(text: string, path: PatternPath): WildcardPieces {
  const pieces: string[] = [];
  let piece = '';
  let previousWasStar = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '*') {
      if (previousWasStar) reject(path, `consecutive wildcard characters at position ${index}`);
      pieces.push(piece);
      piece = '';
      previousWasStar = true;
      continue;
    }
    previousWasStar = false;
    if (char === '\\') {
      const escaped = text[index + 1];
      if (escaped !== '*' && escaped !== '\\') {
        reject(path, `invalid escape at position ${index}: only \\* and \\\\ are allowed`);
      }
      piece += escaped;
      index++;
      continue;
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Whether `value` matches the parsed wildcard. Greedy leftmost search of the middle pieces is exact
 * for `*`-only globs and runs in linear time per piece (no regular-expression backtracking).
 * @example matchesWildcard(['', '.png'], 'dir/a.png') // true
 */
export function matchesWildcard(pieces: WildcardPieces, value: string): boolean {
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return value === first;
  const last = pieces[pieces.length - 1] ?? '';
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  const end = value.length - last.length;
  let cursor = first.length;
  for (let index = 1; index < pieces.length - 1; index++) {
    const middle = pieces[index] ?? '';
    const found = value.indexOf(middle, cursor);
    if (found === -1 || found + middle.length > end) return false;
    cursor = found + middle.length;
  }
  return true;
}
