import { SnapshotCollector } from '@customs/aws';
import { CATALOG, evaluateAll } from '@customs/core';
import { loadConfigFile } from '../../config-file.js';
import { UsageError } from '../errors.js';
import { renderFindings } from '../format/findings.js';
import { listOption, oneOf, parseFormat, parseSeverities } from '../options.js';

export interface ScanOptions {
  snapshot?: string;
  format?: string;
  config?: string;
  check?: string[];
  severity?: string[];
}

/**
 * `customs scan --snapshot DIR`: collects a snapshot, evaluates the catalog (or the checks and
 * severities asked for) at the snapshot's capture time, and renders the findings.
 * @example const { output, warnings } = await runScan({ snapshot: 'snapshots/demo', format: 'json' });
 */
export async function runScan(options: ScanOptions): Promise<{ output: string; warnings: string[] }> {
  const format = parseFormat(options.format);
  if (!options.snapshot) throw new UsageError('scan needs --snapshot DIR (a folder of AWS CLI outputs)');
  const checkIds = oneOf('--check', listOption(options.check), CATALOG.ids());
  const severities = parseSeverities(options.severity);
  const config = await loadConfigFile(options.config);
  const catalog = CATALOG.filter(
    (check) =>
      (checkIds.length === 0 || checkIds.includes(check.id)) &&
      (severities.length === 0 || severities.includes(check.severity)),
  );
  const collector = await SnapshotCollector.open(options.snapshot);
  const { resources, warnings } = await collector.collectAll();
  const findings = evaluateAll(resources, { config, catalog, now: collector.capturedAt ?? new Date() });
  return { output: renderFindings(findings, format), warnings };
}
