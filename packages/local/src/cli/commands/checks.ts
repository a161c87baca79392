import { CATALOG, checkMetadata, RECOMMENDATIONS } from '@customs/core';
import { toTable } from '../format/table.js';
import { parseFormat } from '../options.js';

/**
 * `customs checks [--format table|json]`: the catalog with its metadata.
 * @example runChecks({ format: 'json' }) // '{"checks":[...]}'
 */
export function runChecks(options: { format?: string }): string {
  const format = parseFormat(options.format, ['table', 'json']);
  const checks = RECOMMENDATIONS.flatMap((recommendation) => CATALOG.byRecommendation(recommendation));
  if (format === 'json') return `${JSON.stringify({ checks: checks.map(checkMetadata) }, null, 2)}\n`;
  const rows = checks.map((check) => [
    check.id,
    check.recommendation,
    check.severity,
    check.resourceType,
    check.title,
  ]);
  return `${toTable([['ID', 'CSA', 'SEVERITY', 'RESOURCE', 'TITLE'], ...rows])}\n${checks.length} checks\n`;
}
