import {
  type Finding,
  type Posture,
  RECOMMENDATION_TITLES,
  RECOMMENDATIONS,
  SEVERITIES,
  STATUSES,
  summarize,
  withGuidance,
} from '@customs/core';
import type { Format } from '../options.js';
import { toCsv } from './csv.js';
import { detailBlock } from './details.js';
import { findingsTable, severityStatusSummary, shownStatus } from './findings-table.js';
import { renderAsff, renderOcsf } from './interchange.js';
import { findingsJson } from './json-stream.js';
import { renderJunit } from './junit/index.js';
import { toSafeJson } from './safe-json.js';
import { renderSarif } from './sarif/index.js';
import { type Terminal, wrap } from './terminal.js';

const STATUS_ORDER = ['FAIL', 'ERROR', 'PASS', 'NOT_APPLICABLE'];

function byImportance(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resourceName.localeCompare(b.resourceName)
  );
}

/** How the table shows findings. */
export interface TableView {
  /** A block per finding with its title, rationale and remediation (`--details`). */
  details?: boolean;
  /** Show PASS and NOT_APPLICABLE rows too (`--all`, or a `--status` asked for). */
  all?: boolean;
  /** Where the table goes: a TTY's width and colour [no limit, no colour]. */
  terminal?: Terminal;
}

const HIDDEN_BY_DEFAULT = new Set(['PASS', 'NOT_APPLICABLE']);

/** `12/20 passed (60%)`, or `nothing evaluated`. */
export function postureLine(posture: Posture): string {
  if (posture.evaluated === 0) return 'nothing evaluated';
  return `${posture.passed}/${posture.evaluated} passed (${posture.score}%)`;
}

function tableReport(findings: Finding[], view: TableView): string {
  const terminal = view.terminal ?? { colour: false };
  const summary = summarize(findings);
  const shown = (f: Finding) => view.all === true || !HIDDEN_BY_DEFAULT.has(f.status);
  const sections: string[] = [];
  for (const recommendation of RECOMMENDATIONS) {
    const inSection = findings.filter((f) => f.recommendation === recommendation).sort(byImportance);
    if (inSection.length === 0) continue;
    const title = `${recommendation}  ${RECOMMENDATION_TITLES[recommendation]}`;
    const titleLines = terminal.width === undefined ? [title] : wrap(title, terminal.width);
    const heading = `${titleLines.join('\n       ')}\n         posture: ${postureLine(summary.byRecommendation[recommendation])}`;
    const rows = inSection.filter(shown);
    if (rows.length === 0) {
      sections.push(`${heading}\n         nothing failing`);
    } else if (view.details) {
      sections.push(`${heading}\n\n${rows.map(detailBlock).join('\n\n')}`);
    } else {
      sections.push(`${heading}\n${findingsTable(rows, terminal)}`);
    }
  }
  const hidden = findings.filter((f) => !shown(f));
  if (hidden.length > 0) {
    const counts = [...HIDDEN_BY_DEFAULT].map(
      (status) => `${hidden.filter((f) => f.status === status).length} ${status}`,
    );
    sections.push(`Not listed: ${counts.join(', ')} (--all or --status PASS to list them)`);
  }
  sections.push(severityStatusSummary(findings, terminal));
  const counts = STATUSES.map((status) => `${findings.filter((f) => f.status === status).length} ${status}`);
  const suppressed = findings.filter((f) => shownStatus(f) === 'SUPPRESSED').length;
  if (suppressed > 0) counts.push(`of the FAIL ${suppressed} SUPPRESSED`);
  sections.push(`Overall posture: ${postureLine(summary.overall)} · ${counts.join(' · ')}`);
  const fitted = sections.map((section) =>
    terminal.width === undefined
      ? section
      : section
          .split('\n')
          .flatMap((line) => (line.includes('\u001b') ? [line] : wrap(line, terminal.width ?? line.length)))
          .join('\n'),
  );
  return `${fitted.join('\n\n')}\n`;
}

/** A finding with its guidance flattened into CSV columns. */
export function guidanceColumns<T extends { checkId: string }>(finding: T) {
  const { remediation, rationale, ...rest } = withGuidance(finding);
  return {
    ...rest,
    rationale,
    remediation: remediation?.text,
    remediationCli: remediation?.cli,
    remediationIac: remediation?.iac.snippet,
    remediationUrl: remediation?.url,
  };
}

/** The guidance columns CSV adds after a finding's own. */
export const GUIDANCE_COLUMNS = [
  'title',
  'rationale',
  'remediation',
  'remediationCli',
  'remediationIac',
  'remediationUrl',
] as const;

const CSV_COLUMNS = [
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
  ...GUIDANCE_COLUMNS,
] as const;

/**
 * Renders a scan's findings: a table grouped by CSA recommendation with a posture line each (a
 * block per finding with `details`), `{"findings": [...], "summary": {...}}` as JSON, CSV, SARIF
 * 2.1.0, JUnit XML, ASFF (a JSON array for `aws securityhub batch-import-findings`) or OCSF
 * Compliance Finding events (JSON Lines); every finding with its check's title, rationale and remediation.
 * @example process.stdout.write(renderFindings(findings, 'json'));
 */
export function renderFindings(findings: Finding[], format: Format, view: TableView = {}): string {
  if (format === 'json')
    return `${toSafeJson({ findings: findings.map(withGuidance), summary: summarize(findings) })}\n`;
  if (format === 'csv') return toCsv([...findings].sort(byImportance).map(guidanceColumns), [...CSV_COLUMNS]);
  if (format === 'sarif') return renderSarif(findings);
  if (format === 'junit') return renderJunit(findings);
  if (format === 'asff') return renderAsff(findings);
  if (format === 'ocsf') return renderOcsf(findings);
  return tableReport(findings, view);
}

/**
 * {@link renderFindings} in chunks: JSON a finding at a time (`findingsJson`: the same bytes, for
 * any number of findings), the other formats as one chunk.
 * @example for (const chunk of renderFindingChunks(findings, 'json')) process.stdout.write(chunk);
 */
export function renderFindingChunks(
  findings: Finding[],
  format: Format,
  view: TableView = {},
): Iterable<string> {
  return format === 'json' ? findingsJson(findings) : [renderFindings(findings, format, view)];
}
