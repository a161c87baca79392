import { nearest, SEVERITIES, type Severity } from '@customs/core';
import { UsageError } from './errors.js';

export const FORMATS = ['table', 'json', 'csv', 'sarif', 'junit', 'asff', 'ocsf'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Checks a `--format` value (any case) against those a command supports.
 * @example parseFormat('json', ['table', 'json']) // 'json'
 */
export function parseFormat(value: string | undefined, allowed: readonly Format[] = FORMATS): Format {
  if (value === undefined) return 'table';
  const format = value.toLowerCase();
  if ((allowed as readonly string[]).includes(format)) return format as Format;
  throw new UsageError(`unknown --format ${value}; valid values: ${allowed.join(', ')}`);
}

/** Splits repeated and comma-separated option values: `--check a,b --check c` → [a, b, c]. */
export function listOption(values: string | string[] | undefined): string[] {
  return (typeof values === 'string' ? [values] : (values ?? []))
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/**
 * Validates values against a closed list in any case (`HIGH`, `fail`), answering each in the
 * list's own spelling; an unknown one names the nearest valid values, or all of them.
 * @example oneOf('--status', ['fail'], STATUSES) // ['FAIL']
 */
export function oneOf(option: string, values: string[], valid: readonly string[]): string[] {
  const byLower = new Map(valid.map((each) => [each.toLowerCase(), each]));
  return values.map(function canonical(value) {
    const known = byLower.get(value.toLowerCase());
    if (known !== undefined) return known;
    const near = nearest(value, valid);
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : `valid values: ${valid.join(', ')}`;
    throw new UsageError(`unknown ${option} ${value}; ${hint}`);
  });
}

/** `--severity` values, in any case. */
export function parseSeverities(values: string | string[] | undefined): Severity[] {
  return oneOf('--severity', listOption(values), SEVERITIES) as Severity[];
}

/** `--fail-on SEVERITY`: the least severe severity that fails the run. */
export function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const [severity, ...more] = parseSeverities(value);
  if (severity === undefined || more.length > 0)
    throw new UsageError(`--fail-on takes one severity: ${SEVERITIES.join(', ')}`);
  return severity;
}

/**
 * The failing findings at or above `--fail-on` (a FAIL, not suppressed): the run exits 1 when
 * there is one.
 * @example failingAtOrAbove(findings, 'high').length
 */
export function failingAtOrAbove<T extends { status: string; severity: Severity; state?: string }>(
  findings: T[],
  threshold: Severity,
): T[] {
  const rank = SEVERITIES.indexOf(threshold);
  return findings.filter(
    (finding) =>
      finding.status === 'FAIL' &&
      (finding.state === undefined || finding.state === 'OPEN') &&
      SEVERITIES.indexOf(finding.severity) <= rank,
  );
}
