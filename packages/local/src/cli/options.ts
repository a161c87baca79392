import { SEVERITIES } from '@customs/core';
import { UsageError } from './errors.js';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Checks a `--format` value against those a command supports.
 * @example parseFormat('json', ['table', 'json']) // 'json'
 */
export function parseFormat(value: string | undefined, allowed: readonly Format[] = FORMATS): Format {
  if (value === undefined) return 'table';
  if ((allowed as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown --format ${value}; valid values: ${allowed.join(', ')}`);
}

/** Splits repeated and comma-separated option values: `--check a,b --check c` → [a, b, c]. */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** Validates values against a closed list, naming the valid ones. */
export function oneOf(option: string, values: string[], valid: readonly string[]): string[] {
  const unknown = values.filter((value) => !valid.includes(value));
  if (unknown.length > 0) {
    throw new UsageError(`unknown ${option} ${unknown.join(', ')}; valid values: ${valid.join(', ')}`);
  }
  return values;
}

/** `--severity` values, lower-cased (`HIGH` works too). */
export function parseSeverities(values: string[] | undefined): string[] {
  return oneOf(
    '--severity',
    listOption(values).map((value) => value.toLowerCase()),
    SEVERITIES,
  );
}
