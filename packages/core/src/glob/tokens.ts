/** A `*` in a pattern (or in a pattern read as text by `globCovers`): any run of characters. */
export const STAR = -1;
/** A `?` in a pattern: exactly one character. */
export const ANY = -2;

/** How a glob reads its pattern. */
export interface GlobOptions {
  /**
   * Compare letters without regard to case (IAM actions are case-insensitive). Both sides are
   * lower-cased with `String.prototype.toLowerCase` before matching. Default false.
   */
  ignoreCase?: boolean;
  /** Whether `?` matches exactly one character (IAM) or only itself (suppression patterns). Default true. */
  questionMark?: boolean;
}

/** The string as the matcher compares it: lower-cased when the options ignore case. */
export function folded(text: string, options: GlobOptions): string {
  return options.ignoreCase ? text.toLowerCase() : text;
}

/**
 * Has the pattern no wildcard (no `*`, and no `?` unless `questionMark` is false)? Such a pattern
 * matches exactly itself: the matchers then compare strings instead of compiling it.
 */
export function isLiteral(pattern: string, options: GlobOptions): boolean {
  return !pattern.includes('*') && (options.questionMark === false || !pattern.includes('?'));
}

/** Is the pattern only `*`s (one or more)? It matches, and covers, everything. */
export function isAllStars(pattern: string): boolean {
  if (pattern.length === 0) return false;
  for (let index = 0; index < pattern.length; index += 1) if (pattern.charCodeAt(index) !== 42) return false;
  return true;
}

/**
 * A string as a list of code points: a `?` matches one code point, so a character outside the
 * Basic Multilingual Plane counts as one; a lone surrogate counts as one too.
 */
export function codePoints(text: string, options: GlobOptions): number[] {
  const points: number[] = [];
  for (const character of folded(text, options)) points.push(character.codePointAt(0) as number);
  return points;
}

/**
 * A pattern as tokens: `STAR` for `*`, `ANY` for `?` (unless `questionMark` is false), code points
 * otherwise. Runs of `*` collapse into one (`**` means what `*` means).
 */
export function patternTokens(pattern: string, options: GlobOptions): number[] {
  const wildcardQuestion = options.questionMark !== false;
  const tokens: number[] = [];
  for (const point of codePoints(pattern, options)) {
    if (point === 42) {
      if (tokens.at(-1) !== STAR) tokens.push(STAR);
    } else if (point === 63 && wildcardQuestion) tokens.push(ANY);
    else tokens.push(point);
  }
  return tokens;
}

/**
 * Can a pattern token stand for a text token? `?` takes one character (or a `?` of a pattern read
 * as text, never its `*`); a character takes only itself.
 */
export function accepts(patternToken: number, textToken: number): boolean {
  return patternToken === ANY ? textToken !== STAR : patternToken === textToken;
}
