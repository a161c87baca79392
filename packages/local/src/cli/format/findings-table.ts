import { type Finding, SEVERITIES, safeText } from '@customs/core';
import { cut, paint, type Terminal, wrap } from './terminal.js';

const GAP = '  ';
const MIN_RESOURCE = 16;
const MIN_MESSAGE = 24;
/** Without a terminal (a pipe, a file), cells are cut here as before: a message never is. */
const PIPE_RESOURCE = 100;

/** `repo@sha256:<64 hex>` → `repo@sha256:<12 hex>`, as `docker images` shortens digests. */
export function shortName(name: string): string {
  const at = name.indexOf('@sha256:');
  if (at < 0 || name.length - at - 8 <= 12) return name;
  return name.slice(0, at + 8 + 12);
}

const DIGEST = 'sha256:';
const isHex = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 102);

/**
 * Every `sha256:<64 hex>` of a text cut to its first 12 hex digits, as `docker images` shows
 * digests (a running digest, an image reference). One pass, no regular expression.
 * @example shortDigests('runs sha256:fe5c…(64)') // 'runs sha256:fe5cb192c34a'
 */
export function shortDigests(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(DIGEST); at >= 0; at = text.indexOf(DIGEST, at + DIGEST.length)) {
    const start = at + DIGEST.length;
    let end = start;
    while (end < text.length && end - start < 64 && isHex(text.charCodeAt(end))) end++;
    if (end - start === 64 && !isHex(text.charCodeAt(end))) {
      out += text.slice(from, start + 12);
      from = end;
    }
  }
  return out + text.slice(from);
}

/** The message with its digests shortened (the RESOURCE column shows the resource's short name). */
function messageOf(finding: Finding): string {
  return safeText(shortDigests(finding.message), { maxLength: 2000 });
}

/** FAIL, or SUPPRESSED when a suppression covers it (`scan --suppressions`). */
export function shownStatus(finding: Finding & { state?: string }): string {
  return finding.state === 'SUPPRESSED' ? 'SUPPRESSED' : finding.status;
}

/** The columns of a findings table besides SEVERITY, CHECK, RESOURCE and MESSAGE. */
export interface TableColumns<T extends Finding = Finding> {
  /** The first column: STATUS (`scan`: FAIL, or SUPPRESSED) by default, or STATE (stored findings). */
  first?: { title: string; value: (finding: T) => string };
  /** A fixed column after CHECK, e.g. `OPEN SINCE`; never cut. */
  extra?: { title: string; value: (finding: T) => string };
}

interface Row {
  status: string;
  severity: string;
  check: string;
  extra: string;
  resource: string;
  message: string;
}

/**
 * The rows of one section of `scan`'s table (or `customs findings`'), fitted to the terminal:
 * STATUS (or STATE), SEVERITY, CHECK (and an extra fixed column) whole; the RESOURCE cut to what
 * is left; the MESSAGE (the verdict) never cut, wrapped onto more lines when it does not fit;
 * status and severity coloured when the terminal takes colour.
 * @example findingsTable(findings, { width: 100, colour: false });
 */
export function findingsTable<T extends Finding>(
  findings: T[],
  terminal: Terminal,
  columns: TableColumns<T> = {},
): string {
  const firstTitle = columns.first?.title ?? 'STATUS';
  const extraTitle = columns.extra?.title ?? '';
  const header: Row = {
    status: firstTitle,
    severity: 'SEVERITY',
    check: 'CHECK',
    extra: extraTitle,
    resource: 'RESOURCE',
    message: 'MESSAGE',
  };
  const rows: Row[] = findings.map((f) => ({
    status: columns.first ? safeText(columns.first.value(f), { maxLength: 20 }) : shownStatus(f),
    severity: f.severity,
    check: safeText(f.checkId, { maxLength: 100 }),
    extra: columns.extra ? safeText(columns.extra.value(f), { maxLength: 40 }) : '',
    resource: safeText(shortName(f.resourceName), { maxLength: 300 }),
    message: messageOf(f),
  }));
  const widthOf = (pick: (row: Row) => string) =>
    Math.max(pick(header).length, ...rows.map((row) => pick(row).length));
  const status = widthOf((row) => row.status);
  const severity = widthOf((row) => row.severity);
  const check = widthOf((row) => row.check);
  const extra = columns.extra ? widthOf((row) => row.extra) : 0;
  const longestResource = widthOf((row) => row.resource);
  const fixed = status + severity + check + (columns.extra ? extra + GAP.length : 0) + GAP.length * 4;
  let resource = Math.min(longestResource, PIPE_RESOURCE);
  let message = Number.POSITIVE_INFINITY;
  if (terminal.width !== undefined && terminal.width - fixed < MIN_RESOURCE + MIN_MESSAGE) {
    return stacked(rows, terminal, { status, severity, check, longestResource }, extraTitle);
  }
  if (terminal.width !== undefined) {
    const room = terminal.width - fixed;
    const longestMessage = widthOf((row) => row.message);
    // The resource takes up to 40% of what is left, more when the messages leave it room.
    const share = Math.max(MIN_RESOURCE, Math.floor(room * 0.4), room - longestMessage);
    resource = Math.min(longestResource, share);
    message = room - resource;
  }
  const indent = ' '.repeat(fixed + resource);
  const line = (row: Row, colourWords = false) => {
    const lines = wrap(row.message, message);
    const first = [
      paint(row.status.padEnd(status), row.status, colourWords && terminal.colour),
      paint(row.severity.padEnd(severity), row.severity, colourWords && terminal.colour),
      row.check.padEnd(check),
      ...(columns.extra ? [row.extra.padEnd(extra)] : []),
      cut(row.resource, resource).padEnd(resource),
      lines[0] ?? '',
    ].join(GAP);
    return [first.trimEnd(), ...lines.slice(1).map((rest) => `${indent}${rest}`)].join('\n');
  };
  return [line(header), ...rows.map((row) => line(row, true))].join('\n');
}

/** The severity × status counts at the end of `scan`'s table. */
export function severityStatusSummary(findings: Finding[], terminal: Terminal): string {
  const statuses = ['FAIL', 'ERROR', 'PASS', 'NOT_APPLICABLE'] as const;
  const head = `${'SEVERITY'.padEnd(14)}${statuses.join(GAP)}`;
  const rows = SEVERITIES.map((severity) => {
    const counts = statuses.map((s) => {
      const n = findings.filter((f) => f.severity === severity && f.status === s).length;
      const text = String(n).padStart(s.length);
      return n > 0 && (s === 'FAIL' || s === 'ERROR') ? paint(text, s, terminal.colour) : text;
    });
    return `${paint(severity.padEnd(14), severity, terminal.colour)}${counts.join(GAP)}`;
  });
  return [head, ...rows].join('\n');
}

interface Widths {
  status: number;
  severity: number;
  check: number;
  longestResource: number;
}

/**
 * A narrow terminal: each finding's verdict on the lines under it, indented and wrapped to the
 * width; the resource cut to what its first line leaves.
 */
function stacked(rows: Row[], terminal: Terminal, widths: Widths, extraTitle: string): string {
  const width = terminal.width ?? 80;
  return rows
    .map((row) => {
      const head = [
        paint(row.status.padEnd(widths.status), row.status, terminal.colour),
        paint(row.severity.padEnd(widths.severity), row.severity, terminal.colour),
        cut(row.check, Math.max(8, width - widths.status - widths.severity - GAP.length * 2)),
      ].join(GAP);
      const used =
        widths.status + widths.severity + Math.min(widths.check, row.check.length) + GAP.length * 3;
      const resource = width - used >= 8 ? `${GAP}${cut(row.resource, width - used)}` : '';
      const since = row.extra
        ? [`    ${cut(`${extraTitle.toLowerCase()} ${row.extra}`, Math.max(8, width - 4))}`]
        : [];
      const verdict = wrap(row.message, Math.max(8, width - 4)).map((line) => `    ${line}`);
      return [`${head}${resource}`.trimEnd(), ...since, ...verdict].join('\n');
    })
    .join('\n');
}
