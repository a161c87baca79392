import type { IamAccessKey } from '@customs/core';
import { toDate } from './wire.js';

/** One row of the IAM credential report, by column name (`user`, `arn`, `password_enabled`…). */
export type CredentialReportRow = Record<string, string>;

/** The credential report's row for the root user. */
export const ROOT_ROW = '<root_account>';

/**
 * Reads GetCredentialReport `Content` (bytes from the SDK, base64 text from the CLI) into rows
 * keyed by the `user` column; the root user's row is under `<root_account>`.
 * @example parseCredentialReport(body.Content).get('<root_account>')?.mfa_active // 'true'
 */
export function parseCredentialReport(content: Uint8Array | string): Map<string, CredentialReportRow> {
  const text = typeof content === 'string' ? decodeText(content) : Buffer.from(content).toString('utf8');
  const [header = [], ...records] = parseCsv(text);
  const rows = new Map<string, CredentialReportRow>();
  for (const record of records) {
    const row = Object.fromEntries(header.map((column, index) => [column, record[index] ?? '']));
    if (row.user) rows.set(row.user, row);
  }
  return rows;
}

function decodeText(content: string): string {
  const trimmed = content.trim();
  return trimmed.startsWith('user,') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((value) => value !== '')) rows.push(row);
  return rows;
}

/** A report cell as a boolean: `true`/`false`; undefined for `N/A`, `not_supported`… */
export function reportFlag(value: string | undefined): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A report cell as a date; undefined for `N/A`, `no_information`, `not_supported`. */
export function reportDate(value: string | undefined): Date | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T/.test(value) ? toDate(value) : undefined;
}

/**
 * The access keys a report row describes (`access_key_1_*`, `access_key_2_*`): a key exists
 * when it is active or has a rotation date. The report does not give key ids.
 */
export function reportAccessKeys(row: CredentialReportRow): IamAccessKey[] {
  return [1, 2].flatMap(function keyOf(slot): IamAccessKey[] {
    const active = reportFlag(row[`access_key_${slot}_active`]);
    const createdAt = reportDate(row[`access_key_${slot}_last_rotated`]);
    if (active !== true && createdAt === undefined) return [];
    const lastUsedAt = reportDate(row[`access_key_${slot}_last_used_date`]);
    return [
      {
        active: active === true,
        ...(createdAt ? { createdAt } : {}),
        ...(lastUsedAt ? { lastUsedAt } : {}),
      },
    ];
  });
}
