import { describe, expect, it } from 'vitest';
import {
  compileGlob,
  globCovers,
  globMatches,
  globPatternProblem,
  globsIntersect,
  MAX_GLOB_PATTERN_LENGTH,
} from '../src/glob/index.js';

/** The textbook O(n·m) dynamic programme, as the oracle the linear matcher must agree with. */
function oracle(pattern: string, text: string): boolean {
  let row = [true, ...Array.from(text, () => false)];
  for (const token of pattern) {
    const next = [token === '*' && (row[0] as boolean)];
    for (let j = 1; j <= text.length; j += 1) {
      next[j] =
        token === '*'
          ? (row[j] as boolean) || (next[j - 1] as boolean)
          : (row[j - 1] as boolean) && (token === '?' || token === text[j - 1]);
    }
    row = next;
  }
  return row[text.length] as boolean;
}

/** Every string over `alphabet` up to `length` characters, the empty one included. */
function stringsUpTo(alphabet: string[], length: number): string[] {
  const all = [''];
  let level = [''];
  for (let size = 1; size <= length; size += 1) {
    level = level.flatMap((prefix) => alphabet.map((character) => prefix + character));
    all.push(...level);
  }
  return all;
}

const ARN = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/app';

describe('globMatches', () => {
  it('matches `*` over any run, `/` and `:` included, and the whole text only', () => {
    expect(globMatches('arn:aws:ecr:*:repository/team/*', ARN)).toBe(true);
    expect(globMatches('*', ARN)).toBe(true);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('arn:aws:ecr:*:repository/team', ARN)).toBe(false);
    expect(globMatches('*team', ARN)).toBe(false);
    expect(globMatches('arn:*:ecr:*:*:repository/*/app', ARN)).toBe(true);
  });

  it('treats regular-expression characters as themselves', () => {
    expect(globMatches('repository/(team)+', 'repository/(team)+')).toBe(true);
    expect(globMatches('repository/team.app', 'repository/teamxapp')).toBe(false);
    expect(globMatches('a[bc]$^', 'a[bc]$^')).toBe(true);
  });

  it('matches `?` as one character, or as itself when questionMark is false', () => {
    expect(globMatches('ecr:Get?ownloadUrlForLayer', 'ecr:GetDownloadUrlForLayer')).toBe(true);
    expect(globMatches('a?c', 'ac')).toBe(false);
    expect(globMatches('a?c', 'a😀c')).toBe(true);
    expect(globMatches('a?c', 'abc', { questionMark: false })).toBe(false);
    expect(globMatches('a?c', 'a?c', { questionMark: false })).toBe(true);
  });

  it('ignores case only when asked (IAM actions)', () => {
    expect(globMatches('ECR:put*', 'ecr:PutImage', { ignoreCase: true })).toBe(true);
    expect(globMatches('ECR:put*', 'ecr:PutImage')).toBe(false);
  });

  it('agrees with the textbook dynamic programme on every pattern and text over a small alphabet', () => {
    const patterns = stringsUpTo(['a', 'b', '*', '?'], 4);
    const texts = stringsUpTo(['a', 'b'], 5);
    const disagreements = patterns.flatMap((pattern) => {
      const glob = compileGlob(pattern);
      return texts
        .filter((text) => glob.matches(text) !== oracle(pattern, text))
        .map((t) => `${pattern}~${t}`);
    });
    expect(disagreements).toEqual([]);
  });
});

describe('the matcher does not backtrack (steps, not wall time)', () => {
  const longArn = `arn:aws:ecr:eu-west-1:111122223333:repository/${'a'.repeat(10_000 - 46)}`;

  it('matches a pathological 91-character `*a*a…` pattern against a 10,000-character ARN in O(n + m) steps', () => {
    // Prepare: the shape that froze the old RegExp for over 60 s
    const pattern = `${'*a'.repeat(45)}b`;
    expect(pattern).toHaveLength(91);
    expect(longArn).toHaveLength(10_000);
    // Act
    const miss = compileGlob(pattern).matchSteps(longArn);
    const hit = compileGlob(pattern).matchSteps(`${longArn}b`);
    // Assess: two comparisons per text character at most (KMP), plus the pattern
    const bound = 2 * (longArn.length + 1 + pattern.length);
    expect(miss.matches).toBe(false);
    expect(hit.matches).toBe(true);
    expect(miss.steps).toBeLessThanOrEqual(bound);
    expect(hit.steps).toBeLessThanOrEqual(bound);
  });

  it('stays within n·k steps when segments hold `?` (k the longest such segment)', () => {
    const segment = `${'a?'.repeat(20)}b`;
    const pattern = `*${segment}*`;
    const { matches, steps } = compileGlob(pattern).matchSteps(longArn);
    expect(matches).toBe(false);
    expect(steps).toBeLessThanOrEqual(longArn.length * segment.length);
  });

  it('grows linearly: ten times the text takes at most ten times the steps', () => {
    const pattern = `${'*ab'.repeat(30)}*c`;
    const small = compileGlob(pattern).matchSteps('ab'.repeat(1_000)).steps;
    const large = compileGlob(pattern).matchSteps('ab'.repeat(10_000)).steps;
    expect(large).toBeLessThanOrEqual(10 * small + pattern.length * 2);
  });
});

describe('globsIntersect and globCovers', () => {
  const patterns = stringsUpTo(['a', 'b', '*', '?'], 3);
  const texts = stringsUpTo(['a', 'b', 'c'], 5);
  /** The texts each pattern matches, by the oracle. */
  const matched = new Map(patterns.map((p) => [p, texts.filter((text) => oracle(p, text))]));
  const matchedBy = (p: string) => new Set(matched.get(p));

  it('globsIntersect is exact: true exactly when some string matches both', () => {
    const wrong = patterns.flatMap((a) => {
      const inA = matchedBy(a);
      return patterns
        .filter((b) => globsIntersect(a, b) !== (matched.get(b) ?? []).some((text) => inA.has(text)))
        .map((b) => `${a}∩${b}`);
    });
    expect(wrong).toEqual([]);
  });

  it('globCovers is sound: when it says a covers b, every string b matches, a matches', () => {
    const unsound = patterns.flatMap((a) => {
      const inA = matchedBy(a);
      return patterns
        .filter((b) => globCovers(a, b) && (matched.get(b) ?? []).some((text) => !inA.has(text)))
        .map((b) => `${a}⊇${b}`);
    });
    expect(unsound).toEqual([]);
  });

  it('answers literal and `*` patterns without compiling them, as the compiled glob does, whatever the options', () => {
    const options = [{}, { ignoreCase: true }, { questionMark: false }];
    const cased = stringsUpTo(['a', 'A', '*', '?'], 3);
    const wrong = options.flatMap((option) =>
      cased.flatMap((a) => {
        const glob = compileGlob(a, option);
        return cased
          .filter(
            (b) =>
              globCovers(a, b, option) !== glob.covers(b) || globMatches(a, b, option) !== glob.matches(b),
          )
          .map((b) => `${JSON.stringify(option)} ${a}~${b}`);
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('sees the coverings IAM questions need', () => {
    const iam = { ignoreCase: true };
    expect(globCovers('*', 'ecr:*', iam)).toBe(true);
    expect(globCovers('ecr:*', 'ECR:*', iam)).toBe(true);
    expect(globCovers('ecr:*', '*', iam)).toBe(false);
    expect(globCovers('ecr:Put*', 'ecr:*', iam)).toBe(false);
    expect(globCovers('ecr:*', 'ecr:PutImage', iam)).toBe(true);
    expect(globsIntersect('ecr:*', 'iam:*', iam)).toBe(false);
    expect(globsIntersect('*Layer*', 'ecr:UploadLayerPart', iam)).toBe(true);
  });
});

describe('globPatternProblem', () => {
  it('accepts a resource pattern and names what is wrong with a bad one', () => {
    expect(globPatternProblem('arn:aws:ecr:*:repository/sandbox/*')).toBeUndefined();
    expect(globPatternProblem('*'.repeat(MAX_GLOB_PATTERN_LENGTH))).toBeUndefined();
    expect(globPatternProblem('*'.repeat(MAX_GLOB_PATTERN_LENGTH + 1))).toBe(
      'is 1025 characters long; at most 1024',
    );
    expect(globPatternProblem('')).toBe('is empty');
    expect(globPatternProblem('arn:\u001b[2J*')).toBe('holds the control character U+001B at 5');
    expect(globPatternProblem('arn:\ud800*')).toBe('holds a lone surrogate at 5');
    expect(globPatternProblem('repository/😀*')).toBeUndefined();
  });
});
