import type { Posture, PostureSummary } from '@customs/core';
import { RECOMMENDATIONS } from '@customs/core';

/** `192 PASS of 283 evaluated (67.8%)`: what the score counts (NOT_APPLICABLE is not evaluated). */
export function passLine(posture: Posture): string {
  if (posture.evaluated === 0) return 'nothing evaluated';
  return `${posture.passed} PASS of ${posture.evaluated} evaluated (${posture.score}%)`;
}

/**
 * Every total of the stored findings in one line, the way `customs start` prints them each time,
 * with what each counts: a finding is one check on one resource; evaluated = PASS + FAIL + ERROR;
 * the suppressed are among the FAIL. The figures are `/summary`'s.
 * @example totalsLine(postureOf(await repository.summary()));
 * // '335 findings: 192 PASS of 283 evaluated (67.8%), 91 FAIL (0 suppressed), 0 ERROR; 52 NOT_APPLICABLE'
 */
export function totalsLine(summary: Pick<PostureSummary, 'total' | 'overall'>): string {
  const { overall } = summary;
  return [
    `${summary.total} findings: ${passLine(overall)}`,
    `, ${overall.failed} FAIL (${overall.suppressed} suppressed), ${overall.errors} ERROR`,
    `; ${overall.notApplicable} NOT_APPLICABLE`,
  ].join('');
}

/**
 * The closing block's posture: the totals (as `/summary` answers them), what changed since the
 * sweep's own line, and a line per CSA recommendation.
 * @example for (const line of postureLines(posture, afterSweep)) say(line);
 */
export function postureLines(posture: PostureSummary, afterSweep?: number): string[] {
  const added = afterSweep === undefined ? 0 : posture.total - afterSweep;
  const since =
    added === 0
      ? ''
      : ` (${Math.abs(added)} ${added > 0 ? 'more' : 'fewer'} than after the sweep: the story's resources)`;
  return [
    `Posture (GET /summary): ${totalsLine(posture)}${since}`,
    ...RECOMMENDATIONS.map((id) => {
      const each = posture.byRecommendation[id];
      return `  ${id}  ${passLine(each)}${each.evaluated === 0 ? '' : `, ${each.failed} FAIL`}`;
    }),
  ];
}
