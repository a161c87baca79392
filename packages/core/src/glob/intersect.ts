import { globMatches } from './glob.js';
import { ANY, folded, type GlobOptions, isAllStars, isLiteral, patternTokens, STAR } from './tokens.js';

/**
 * Is there a string both globs match? Exact: a walk over the pairs of positions in the two
 * patterns (the product of their automata), O(|a|·|b|) time and O(|b|) memory, no recursion.
 * Policy questions call it with one short side (an action such as `ecr:*`), so it is linear in
 * the policy's pattern.
 * @example globsIntersect('ecr:Put*', 'ecr:*Image'); // true ("ecr:PutImage")
 * @example globsIntersect('ecr:*', 'iam:*'); // false
 */
export function globsIntersect(a: string, b: string, options: GlobOptions = {}): boolean {
  // Shortcuts with the walk's answer: every pattern matches some string, so `*` meets it; a
  // literal meets a pattern exactly when the pattern matches it.
  if (isAllStars(a) || isAllStars(b)) return true;
  const literalA = isLiteral(a, options);
  const literalB = isLiteral(b, options);
  if (literalA && literalB) return folded(a, options) === folded(b, options);
  if (literalA) return globMatches(b, a, options);
  if (literalB) return globMatches(a, b, options);
  return productIntersect(a, b, options);
}

function productIntersect(a: string, b: string, options: GlobOptions): boolean {
  const left = patternTokens(a, options);
  const right = patternTokens(b, options);
  const width = right.length + 1;
  // below[j] = can left[i+1..] and right[j..] still meet; here[j] the same for left[i..].
  let below = new Array<boolean>(width).fill(false);
  for (let i = left.length; i >= 0; i -= 1) {
    const here = new Array<boolean>(width).fill(false);
    for (let j = right.length; j >= 0; j -= 1) {
      here[j] = meets(left, right, i, j, here, below);
    }
    below = here;
  }
  return below[0] as boolean;
}

function meets(
  left: number[],
  right: number[],
  i: number,
  j: number,
  here: boolean[],
  below: boolean[],
): boolean {
  const l = left[i];
  const r = right[j];
  if (l === undefined && r === undefined) return true;
  // A `*` may match nothing.
  if (l === STAR && below[j]) return true;
  if (r === STAR && here[j + 1]) return true;
  if (l === undefined || r === undefined) return false;
  // Both read one common character.
  if (l === STAR) return r !== STAR && (here[j + 1] as boolean);
  if (r === STAR) return below[j] as boolean;
  const sameCharacter = l === ANY || r === ANY || l === r;
  return sameCharacter && (below[j + 1] as boolean);
}
