import { CATALOG, checkMetadata, RECOMMENDATIONS } from '@customs/core';
import { toCsv } from '../format/csv.js';
import { toTable } from '../format/table.js';
import { parseFormat } from '../options.js';

const CSV_COLUMNS = [
  'id',
  'recommendation',
  'severity',
  'resourceType',
  'title',
  'rationale',
  'remediation',
  'remediationCli',
  'remediationIacFormat',
  'remediationIac',
  'remediationUrl',
  'securityHub',
  'config',
  'prowler',
  'cisEks',
] as const;

/**
 * `customs checks [--format table|json|csv]`: the catalog with its metadata (CSV: one row per
 * check, the mappings' ids space-separated).
 * @example runChecks({ format: 'json' }) // '{"checks":[...]}'
 */
export function runChecks(options: { format?: string }): string {
  const format = parseFormat(options.format, ['table', 'json', 'csv']);
  const checks = RECOMMENDATIONS.flatMap((recommendation) => CATALOG.byRecommendation(recommendation));
  if (format === 'json') return `${JSON.stringify({ checks: checks.map(checkMetadata) }, null, 2)}\n`;
  if (format === 'csv') {
    const rows = checks.map(({ remediation, mappings, ...check }) => ({
      ...check,
      remediation: remediation.text,
      remediationCli: remediation.cli,
      remediationIacFormat: remediation.iac.format,
      remediationIac: remediation.iac.snippet,
      remediationUrl: remediation.url,
      securityHub: mappings.securityHub?.join(' '),
      config: mappings.config?.join(' '),
      prowler: mappings.prowler?.join(' '),
      cisEks: mappings.cisEks?.join(' '),
    }));
    return toCsv(rows, [...CSV_COLUMNS]);
  }
  const rows = checks.map((check) => [
    check.id,
    check.recommendation,
    check.severity,
    check.resourceType,
    check.title,
  ]);
  return `${toTable([['ID', 'CSA', 'SEVERITY', 'RESOURCE', 'TITLE'], ...rows])}\n${checks.length} checks\n`;
}
