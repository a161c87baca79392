import { LIFECYCLE_CHANGES } from '@customs/core';
import type { ReplayReport } from '../../replay/index.js';
import { toSafeJson } from './safe-json.js';
import { toTable } from './table.js';

/** An event's column: its index in the file, `:n` the audit event of an audit-log payload. */
function eventOf(entry: { event: number; logEvent?: number }): string {
  return entry.logEvent === undefined ? String(entry.event) : `${entry.event}:${entry.logEvent}`;
}

/**
 * Renders a replay: `{"changes", "unchanged", "ignored", "rejected"}` as JSON, or tables of the
 * lifecycle changes (unchanged findings counted, not listed), the unchanged, ignored and rejected
 * events. Every name, reason and id is control-escaped and bounded (`safeText` in the tables;
 * JSON escapes what a terminal could act on), so nothing in an event can act on the terminal.
 * @example process.stdout.write(renderReplay(report, 'table'));
 */
export function renderReplay(report: ReplayReport, format: 'table' | 'json'): string {
  const rejected = report.rejected.map(({ event, logEvent, reason }) =>
    logEvent === undefined ? { event, reason } : { event, logEvent, reason },
  );
  if (format === 'json') {
    const { changes, unchanged, ignored } = report;
    return `${toSafeJson({ changes, unchanged, ignored, rejected })}\n`;
  }
  const moved = report.changes.filter((change) => change.transition !== 'unchanged');
  const count = (transition: string) =>
    report.changes.filter((change) => change.transition === transition).length;
  const counts = [...LIFECYCLE_CHANGES, 'unchanged'].map(
    (transition) => `${count(transition)} ${transition}`,
  );
  const heading = `Changes: ${counts.join(', ')}`;
  const sections = [heading];
  if (moved.length > 0) {
    const rows = moved.map((c) => [eventOf(c), c.transition, c.status, c.severity, c.checkId, c.resourceId]);
    sections.push(
      toTable([['EVENT', 'TRANSITION', 'STATUS', 'SEVERITY', 'CHECK', 'RESOURCE'], ...rows], 110),
    );
  }
  if (report.unchanged.length > 0) {
    const rows = report.unchanged.map((entry) => [eventOf(entry), entry.refs.join(', '), entry.reason]);
    sections.push(
      `Unchanged: ${report.unchanged.length}\n${toTable([['EVENT', 'RESOURCES', 'REASON'], ...rows], 110)}`,
    );
  }
  if (report.ignored.length > 0) {
    const rows = report.ignored.map((entry) => [eventOf(entry), entry.reason]);
    sections.push(`Ignored: ${report.ignored.length}\n${toTable([['EVENT', 'REASON'], ...rows], 160)}`);
  }
  if (rejected.length > 0) {
    const rows = rejected.map((entry) => [eventOf(entry), entry.reason]);
    sections.push(`Rejected: ${rejected.length}\n${toTable([['EVENT', 'REASON'], ...rows], 160)}`);
  }
  return `${sections.join('\n\n')}\n`;
}
