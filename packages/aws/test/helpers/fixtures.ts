import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';

const CLI = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

/** The raw JSON of one of AWS's published CLI outputs (copied unchanged into fixtures/cli). */
export function cliJson(path: string): unknown {
  return JSON.parse(readFileSync(`${CLI}${path}`, 'utf8'));
}

/** An AWS CLI output validated with the snapshot schema of the same call, typed by it. */
export function cli<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  return schema.parse(cliJson(path));
}

/** The credential report's columns, in AWS's documented order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

type Column = (typeof CREDENTIAL_REPORT_COLUMNS)[number];

/** A row with every column `N/A`/`false` except those given, as AWS prints an unused credential. */
function row(values: Partial<Record<Column, string>>): string {
  return CREDENTIAL_REPORT_COLUMNS.map(function cell(column) {
    if (values[column] !== undefined) return values[column];
    return column.endsWith('_active') || column === 'password_enabled' ? 'false' : 'N/A';
  }).join(',');
}

/** GetCredentialReport `Content` as the CLI prints it: the CSV, base64-encoded. */
export function credentialReportContent(rows: Partial<Record<Column, string>>[]): string {
  const csv = [CREDENTIAL_REPORT_COLUMNS.join(','), ...rows.map(row)].join('\n');
  return Buffer.from(csv, 'utf8').toString('base64');
}

/** The value, or a test failure naming what was expected to be there. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}
