import {
  RECOMMENDATIONS as CORE_RECOMMENDATIONS,
  SEVERITIES as CORE_SEVERITIES,
  FINDING_STATES as CORE_STATES,
  STATUSES as CORE_STATUSES,
  globMatches as coreGlobMatches,
} from '@customs/core';
import { describe, expect, it } from 'vitest';
import { globMatches } from '../src/ui/glob.js';
import { trendLabel } from '../src/ui/trend-label.js';
import { FINDING_STATES, RECOMMENDATIONS, SEVERITIES, STATUSES } from '../src/ui/vocabulary.js';

describe("the UI's copies of the API's vocabulary", () => {
  it('lists the same values as @customs/core, in its order', () => {
    expect(SEVERITIES).toEqual(CORE_SEVERITIES);
    expect(RECOMMENDATIONS).toEqual(CORE_RECOMMENDATIONS);
    expect(STATUSES).toEqual(CORE_STATUSES);
    expect(FINDING_STATES).toEqual(CORE_STATES);
  });
});

describe("the confirm preview's resource pattern match", () => {
  it('agrees with the store (core globMatches, `?` literal) on each case', () => {
    const arn = 'arn:aws:ecr:eu-west-1:111122223333:repository/team/app';
    const cases: [string, string][] = [
      [arn, arn],
      [`${arn}x`, arn],
      ['*', arn],
      ['', ''],
      ['', arn],
      ['arn:aws:ecr:*:repository/team/*', arn],
      ['arn:aws:ecr:*:repository/other/*', arn],
      ['*app', arn],
      ['*apps', arn],
      ['arn*', arn],
      ['a*a*a', 'aa'],
      ['a*a*a', 'aaa'],
      ['ab*ba', 'aba'],
      ['*?*', 'x'],
      ['*?*', 'a?b'],
      ['**team**', arn],
      ['ARN:*', arn],
      ['*:repository/team/app*', arn],
    ];
    for (const [pattern, text] of cases) {
      const expected = coreGlobMatches(pattern, text, { questionMark: false });
      expect({ pattern, text, matches: globMatches(pattern, text) }).toEqual({
        pattern,
        text,
        matches: expected,
      });
    }
  });
});

describe("the trend's text summary", () => {
  it('names one day once, and the first and last of several', () => {
    expect(trendLabel([{ date: '2026-12-01', score: 67.8 }], 30)).toBe(
      'Posture score over the last 30 days: 67.8% on 2026-12-01',
    );
    expect(
      trendLabel(
        [
          { date: '2026-11-30', score: 60 },
          { date: '2026-12-01', score: 67.8 },
        ],
        7,
      ),
    ).toBe('Posture score over the last 7 days: 60% on 2026-11-30, 67.8% on 2026-12-01');
    expect(trendLabel([], 90)).toBe('No scored day in the last 90 days');
  });
});
