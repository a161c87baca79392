import type { Posture, PostureSummary } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { passLine, postureLines, totalsLine } from '../../src/start/totals.js';

function posture(
  passed: number,
  failed: number,
  errors: number,
  notApplicable: number,
  suppressed = 0,
): Posture {
  const evaluated = passed + failed + errors;
  const score = evaluated === 0 ? null : Math.round((passed / evaluated) * 1000) / 10;
  return { passed, failed, errors, notApplicable, suppressed, evaluated, score };
}

describe("customs start's totals", () => {
  it('says what each figure counts: PASS of evaluated (FAIL and ERROR), the suppressed among the FAIL, NOT_APPLICABLE apart', () => {
    // Prepare: 180 findings, 11 of them not applicable
    const summary = { total: 180, overall: posture(107, 60, 2, 11, 3) };
    // Act
    const line = totalsLine(summary);
    // Assess
    expect(line).toBe(
      '180 findings: 107 PASS of 169 evaluated (63.3%), 60 FAIL (3 suppressed), 2 ERROR; 11 NOT_APPLICABLE',
    );
  });

  it('closes with /summary’s totals, how far they moved since the sweep, and a line per recommendation', () => {
    const each = posture(10, 2, 0, 1);
    const summary = {
      total: 190,
      overall: posture(107, 60, 2, 21),
      byRecommendation: {
        'CSA-1': each,
        'CSA-2': posture(0, 0, 0, 3),
        'CSA-3': each,
        'CSA-4': each,
        'CSA-5': each,
      },
    } as unknown as PostureSummary;
    const lines = postureLines(summary, 180);
    expect(lines[0]).toBe(
      "Posture (GET /summary): 190 findings: 107 PASS of 169 evaluated (63.3%), 60 FAIL (0 suppressed), 2 ERROR; 21 NOT_APPLICABLE (10 more than after the sweep: the story's resources)",
    );
    expect(lines.slice(1, 3)).toEqual([
      '  CSA-1  10 PASS of 12 evaluated (83.3%), 2 FAIL',
      '  CSA-2  nothing evaluated',
    ]);
    expect(postureLines(summary, 190)[0]).toMatch(/NOT_APPLICABLE$/);
    expect(passLine(posture(0, 0, 0, 5))).toBe('nothing evaluated');
  });
});
