import {
  ANY,
  accepts,
  codePoints,
  folded,
  type GlobOptions,
  isAllStars,
  isLiteral,
  patternTokens,
  STAR,
} from './tokens.js';

/** A `*`-free run of a pattern; KMP's failure table when it holds no `?`. */
interface Segment {
  tokens: number[];
  failure: number[] | undefined;
}

/** Counts token comparisons, so that tests can bound the work a match does. */
interface StepCounter {
  steps: number;
}

/**
 * A compiled glob: `*` matches any run of characters (`/` and `:` included), `?` exactly one
 * character (unless `questionMark` is false), anything else itself; the whole text must match.
 *
 * Matching never backtracks. The pattern is cut at its `*`s into segments; the first segment must
 * fit at the start of the text, the last at its end, and each segment in between is placed at its
 * leftmost occurrence after the one before (leftmost placement is always safe, as every segment
 * has a fixed length). Segments without `?` are found with Knuth–Morris–Pratt.
 *
 * Complexity, for a text of n characters and a pattern of m: compiling is O(m); matching is
 * O(n + m) when the pattern has no `?`, and O(n·k) otherwise, where k is the length of the longest
 * `*`-free segment holding a `?` (so never worse than O(n·m)). Memory is O(n + m).
 * @example
 * const glob = compileGlob('arn:aws:ecr:*:111122223333:repository/team/*');
 * glob.matches('arn:aws:ecr:eu-west-1:111122223333:repository/team/app'); // true
 */
export class Glob {
  readonly pattern: string;
  readonly #options: GlobOptions;
  readonly #starred: boolean;
  readonly #segments: Segment[];

  constructor(pattern: string, options: GlobOptions = {}) {
    this.pattern = pattern;
    this.#options = options;
    const tokens = patternTokens(pattern, options);
    this.#starred = tokens.includes(STAR);
    this.#segments = splitAtStars(tokens);
  }

  /** Does the whole text match? */
  matches(text: string): boolean {
    return this.#run(codePoints(text, this.#options), { steps: 0 });
  }

  /**
   * Does the glob match every string the other pattern matches (read with the same options)? Sound
   * but not complete: true means it surely does; false means it may not. The other pattern's `*`
   * must fall inside one of this glob's `*`, its `?` inside a `?` or a `*`.
   * @example compileGlob('ecr:*', { ignoreCase: true }).covers('ECR:Put*'); // true
   */
  covers(other: string): boolean {
    return this.#run(patternTokens(other, this.#options), { steps: 0 });
  }

  /**
   * Matches and says how many token comparisons it took (for tests that bound the work).
   * @example compileGlob('*b*a').matchSteps('a'.repeat(10_000)); // { matches: false, steps: 10000 }
   */
  matchSteps(text: string): { matches: boolean; steps: number } {
    const counter = { steps: 0 };
    const matches = this.#run(codePoints(text, this.#options), counter);
    return { matches, steps: counter.steps };
  }

  #run(text: number[], counter: StepCounter): boolean {
    const segments = this.#segments;
    const first = segments[0] as Segment;
    if (!this.#starred) return first.tokens.length === text.length && fitsAt(first, text, 0, counter);
    const last = segments[segments.length - 1] as Segment;
    const end = text.length - last.tokens.length;
    if (first.tokens.length > end) return false;
    if (!fitsAt(first, text, 0, counter) || !fitsAt(last, text, end, counter)) return false;
    let position = first.tokens.length;
    for (let index = 1; index < segments.length - 1; index += 1) {
      const segment = segments[index] as Segment;
      const found = findFrom(segment, text, position, end, counter);
      if (found < 0) return false;
      position = found + segment.tokens.length;
    }
    return true;
  }
}

/**
 * Compiles a glob once, to match it against many texts.
 * @example compileGlob('ecr:Get*', { ignoreCase: true }).matches('ecr:GetDownloadUrlForLayer'); // true
 */
export function compileGlob(pattern: string, options: GlobOptions = {}): Glob {
  return new Glob(pattern, options);
}

/**
 * Does the glob match the whole text? See `Glob` for the syntax and the linear-time guarantee.
 * A pattern without wildcards, or of `*` alone, is answered without compiling it (the answer the
 * compiled glob gives: policies are mostly such patterns).
 * @example globMatches('ecr:*', 'ECR:PutImage', { ignoreCase: true }); // true
 */
export function globMatches(pattern: string, text: string, options: GlobOptions = {}): boolean {
  if (isAllStars(pattern)) return true;
  if (isLiteral(pattern, options)) return folded(pattern, options) === folded(text, options);
  return new Glob(pattern, options).matches(text);
}

/**
 * Does pattern `a` match every string pattern `b` matches? Sound, not complete (see `Glob.covers`).
 * Shortcuts as `globMatches`: `*` covers everything, a literal only the same literal.
 * @example globCovers('*', 'ecr:*'); // true
 */
export function globCovers(a: string, b: string, options: GlobOptions = {}): boolean {
  if (isAllStars(a)) return true;
  if (isLiteral(a, options)) return isLiteral(b, options) && folded(a, options) === folded(b, options);
  return new Glob(a, options).covers(b);
}

function splitAtStars(tokens: number[]): Segment[] {
  const segments: Segment[] = [];
  let current: number[] = [];
  for (const token of tokens) {
    if (token === STAR) {
      segments.push(segmentOf(current));
      current = [];
    } else current.push(token);
  }
  segments.push(segmentOf(current));
  return segments;
}

function segmentOf(tokens: number[]): Segment {
  return { tokens, failure: tokens.includes(ANY) ? undefined : failureTable(tokens) };
}

/** KMP's failure table: for each prefix, the length of its longest proper border. */
function failureTable(tokens: number[]): number[] {
  const failure = new Array<number>(tokens.length).fill(0);
  let border = 0;
  for (let index = 1; index < tokens.length; index += 1) {
    while (border > 0 && tokens[index] !== tokens[border]) border = failure[border - 1] as number;
    if (tokens[index] === tokens[border]) border += 1;
    failure[index] = border;
  }
  return failure;
}

function fitsAt(segment: Segment, text: number[], start: number, counter: StepCounter): boolean {
  const tokens = segment.tokens;
  for (let offset = 0; offset < tokens.length; offset += 1) {
    counter.steps += 1;
    if (!accepts(tokens[offset] as number, text[start + offset] as number)) return false;
  }
  return true;
}

/** The leftmost start in [from, to) where the segment fits entirely before `to`, or -1. */
function findFrom(segment: Segment, text: number[], from: number, to: number, counter: StepCounter): number {
  const failure = segment.failure;
  if (failure === undefined) {
    for (let start = from; start + segment.tokens.length <= to; start += 1) {
      if (fitsAt(segment, text, start, counter)) return start;
    }
    return -1;
  }
  const tokens = segment.tokens;
  let matched = 0;
  for (let index = from; index < to; index += 1) {
    const token = text[index] as number;
    counter.steps += 1;
    while (matched > 0 && tokens[matched] !== token) {
      matched = failure[matched - 1] as number;
      counter.steps += 1;
    }
    if (tokens[matched] === token) matched += 1;
    if (matched === tokens.length) return index - tokens.length + 1;
  }
  return -1;
}
