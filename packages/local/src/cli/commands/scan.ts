import { type Collector, type CollectResult, SnapshotCollector } from '@customs/aws';
import { CATALOG, evaluateAll, STATUSES } from '@customs/core';
import { loadConfigFile } from '../../config-file.js';
import { UsageError } from '../errors.js';
import { renderFindingChunks } from '../format/findings.js';
import { parseOutputs, writeOutputs } from '../format/outputs.js';
import type { ProgressLine } from '../format/progress.js';
import type { Terminal } from '../format/terminal.js';
import {
  failingAtOrAbove,
  listOption,
  oneOf,
  parseFailOn,
  parseFormat,
  parseSeverities,
} from '../options.js';
import { applySuppressions, readSuppressionsFile } from '../suppressions-file.js';
import { collectLive } from './scan-aws.js';

export interface ScanOptions {
  snapshot?: string;
  aws?: boolean;
  region?: string[];
  profile?: string;
  format?: string;
  config?: string;
  check?: string[];
  severity?: string[];
  /** A suppressions file (the fields of POST /suppressions): its failures are reported SUPPRESSED. */
  suppressions?: string;
  'fail-on'?: string;
  output?: string[];
  details?: boolean;
  status?: string[];
  all?: boolean;
  /** Where the table goes (`customs scan` passes stdout's). */
  terminal?: Terminal;
  /** The progress of a live read (`customs scan` passes stderr's: silent unless a TTY). */
  progress?: ProgressLine;
}

/** What a scan printed and wrote, and whether `--fail-on` failed it. */
export interface ScanResult {
  /** What goes to stdout, in chunks (JSON a finding at a time: see `findingsJson`). */
  output: Iterable<string>;
  warnings: string[];
  /** The failing findings at or above `--fail-on` (none without it). */
  failing: number;
  failOn?: string;
}

/**
 * `customs scan --snapshot DIR` or `customs scan --aws [--region R]... [--profile P]`: collects
 * a snapshot (assessed at its capture time) or the live account (assessed now), evaluates the
 * catalog (or the checks and severities asked for), and renders the findings.
 * @example const { output, warnings } = await runScan({ snapshot: 'snapshots/demo', format: 'json' });
 */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const format = parseFormat(options.format);
  const failOn = parseFailOn(options['fail-on']);
  const outputs = parseOutputs(options.output);
  const source = sourceOf(options);
  const checkIds = oneOf('--check', listOption(options.check), CATALOG.ids());
  const severities = parseSeverities(options.severity);
  const statuses = oneOf('--status', listOption(options.status), STATUSES);
  const config = await loadConfigFile(options.config);
  const catalog = CATALOG.filter(
    (check) =>
      (checkIds.length === 0 || checkIds.includes(check.id)) &&
      (severities.length === 0 || severities.includes(check.severity)),
  );
  // Suppressions are today's decisions: their expiry is weighed against the clock, not the snapshot's time.
  const today = new Date();
  const entries = options.suppressions ? await readSuppressionsFile(options.suppressions, config, today) : [];
  const { result, now } = await source();
  const evaluated = evaluateAll(result.resources, { config, catalog, now });
  const suppressed = applySuppressions(evaluated, entries, config, today);
  const findings =
    statuses.length === 0
      ? suppressed.findings
      : suppressed.findings.filter((f) => statuses.includes(f.status));
  const view = { details: options.details === true, all: options.all === true || statuses.length > 0 };
  // Files get every row the terminal would, at no width and without colour.
  await writeOutputs(outputs, (each) => renderFindingChunks(findings, each, view));
  // A suppressed failure is a decision taken: it does not fail the gate.
  const open = findings.filter((f) => (f as { state?: string }).state !== 'SUPPRESSED');
  const failing = failOn === undefined ? 0 : failingAtOrAbove(open, failOn).length;
  return {
    output: renderFindingChunks(findings, format, {
      ...view,
      ...(options.terminal ? { terminal: options.terminal } : {}),
    }),
    warnings: [...result.warnings, ...suppressed.warnings],
    failing,
    ...(failOn === undefined ? {} : { failOn }),
  };
}

type Source = () => Promise<{ collector: Collector; result: CollectResult; now: Date }>;

function sourceOf(options: ScanOptions): Source {
  const regions = listOption(options.region);
  if (options.aws && options.snapshot) throw new UsageError('scan takes --snapshot DIR or --aws, not both');
  if (!options.aws && (regions.length > 0 || options.profile)) {
    throw new UsageError('--region and --profile go with --aws');
  }
  if (options.aws) {
    return async function live() {
      const { collector, result } = await collectLive({
        regions,
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.progress ? { progress: options.progress } : {}),
      });
      return { collector, result, now: new Date() };
    };
  }
  const dir = options.snapshot;
  if (!dir) {
    throw new UsageError(
      'scan needs --snapshot DIR (a folder of AWS CLI outputs) or --aws (live, read-only)',
    );
  }
  return async function snapshot() {
    const collector = await SnapshotCollector.open(dir);
    return { collector, result: await collector.collectAll(), now: collector.capturedAt ?? new Date() };
  };
}
