import {
  type Finding,
  type Posture,
  RECOMMENDATION_TITLES,
  RECOMMENDATIONS,
  SEVERITIES,
  STATUSES,
  summarize,
} from '@customs/core';
import type { Format } from '../options.js';
import { toCsv } from './csv.js';
import { toSafeJson } from './safe-json.js';
import { toTable } from './table.js';

const STATUS_ORDER = ['FAIL', 'ERROR', 'PASS', 'NOT_APPLICABLE'];

function byImportance(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resourceName.localeCompare(b.resourceName)
  );
}

/** `12/20 passed (60%)`, or `nothing evaluated`. */
export function postureLine(posture: Posture): string {
  if (posture.evaluated === 0) return 'nothing evaluated';
  return `${posture.passed}/${posture.evaluated} passed (${posture.score}%)`;
}

/** FAIL, or SUPPRESSED when a suppression covers it (`scan --suppressions`). */
function shownStatus(finding: Finding & { state?: string }): string {
  return finding.state === 'SUPPRESSED' ? 'SUPPRESSED' : finding.status;
}

function tableReport(findings: Finding[]): string {
  const summary = summarize(findings);
  const sections: string[] = [];
  for (const recommendation of RECOMMENDATIONS) {
    const inSection = findings.filter((f) => f.recommendation === recommendation).sort(byImportance);
    if (inSection.length === 0) continue;
    const heading = `${recommendation}  ${RECOMMENDATION_TITLES[recommendation]}\n         posture: ${postureLine(summary.byRecommendation[recommendation])}`;
    const rows = inSection.map((f) => [shownStatus(f), f.severity, f.checkId, f.resourceName, f.message]);
    sections.push(
      `${heading}\n${toTable([['STATUS', 'SEVERITY', 'CHECK', 'RESOURCE', 'MESSAGE'], ...rows], 100)}`,
    );
  }
  const counts = STATUSES.map((status) => `${findings.filter((f) => f.status === status).length} ${status}`);
  const suppressed = findings.filter((f) => shownStatus(f) === 'SUPPRESSED').length;
  if (suppressed > 0) counts.push(`of the FAIL ${suppressed} SUPPRESSED`);
  sections.push(`Overall posture: ${postureLine(summary.overall)} · ${counts.join(' · ')}`);
  return `${sections.join('\n\n')}\n`;
}

const CSV_COLUMNS: (keyof Finding & string)[] = [
  'id',
  'checkId',
  'status',
  'severity',
  'recommendation',
  'resourceType',
  'resourceId',
  'resourceName',
  'accountId',
  'region',
  'message',
  'evaluatedAt',
];

/**
 * Renders a scan's findings: a table grouped by CSA recommendation with a posture line each,
 * `{"findings": [...], "summary": {...}}` as JSON, or CSV.
 * @example process.stdout.write(renderFindings(findings, 'json'));
 */
export function renderFindings(findings: Finding[], format: Format): string {
  if (format === 'json') return `${toSafeJson({ findings, summary: summarize(findings) })}\n`;
  if (format === 'csv') return toCsv([...findings].sort(byImportance), CSV_COLUMNS);
  return tableReport(findings);
}
