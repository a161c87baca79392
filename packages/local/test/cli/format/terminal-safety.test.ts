import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/cli/format/csv.js';
import { renderReplay } from '../../../src/cli/format/replay.js';
import { toSafeJson } from '../../../src/cli/format/safe-json.js';
import { toTable } from '../../../src/cli/format/table.js';

const ANSI = '\u001b[2J\u001b[1;31mALL CHECKS PASSED';
/** Whether text holds a control character a terminal may act on, but the line feed: C0, DEL, C1 (U+009B is a one-byte CSI). */
function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

describe('what the CLI prints of untrusted text', () => {
  it('escapes control characters and bounds every table cell', () => {
    const table = toTable([['NAME'], [ANSI], [`\u009b2J${'x'.repeat(1_000_000)}`]], 50);
    expect(hasControl(table)).toBe(false);
    expect(table.split('\n').every((line) => line.length <= 50)).toBe(true);
  });

  it('prints JSON that parses back to the exact value and holds no raw control character', () => {
    const value = { name: `${ANSI}\u009b\u007f`, lone: '\ud800' };
    const text = toSafeJson(value);
    expect(hasControl(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('escapes control characters in CSV fields', () => {
    expect(toCsv([{ message: ANSI }], ['message'])).toBe(
      'message\n\\u001b[2J\\u001b[1;31mALL CHECKS PASSED\n',
    );
  });

  it('prints a replay report of hostile names and reasons as neither table nor JSON lets through', () => {
    const report = {
      changes: [
        {
          findingId: 'f',
          checkId: 'eks-cluster-endpoint-not-public',
          resourceId: `arn:aws:eks:eu-west-1:111122223333:cluster/${ANSI}`,
          transition: 'opened' as const,
          status: 'FAIL' as const,
          severity: 'high' as const,
          event: 0,
        },
      ],
      unchanged: [{ event: 1, refs: [`eks-cluster ${ANSI}`], reason: ANSI }],
      ignored: [{ event: 2, reason: `no rule matches source ${ANSI}` }],
      rejected: [{ event: 3, reason: ANSI, raw: {} }],
    };
    for (const format of ['table', 'json'] as const) {
      expect(hasControl(renderReplay(report, format))).toBe(false);
    }
    expect(JSON.parse(renderReplay(report, 'json'))).toEqual({
      changes: report.changes,
      unchanged: report.unchanged,
      ignored: report.ignored,
      rejected: [{ event: 3, reason: ANSI }],
    });
  });
});
