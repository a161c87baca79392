import { summarize } from '@customs/core';
import type { StoredFinding } from '@customs/store';
import { UsageError } from '../errors.js';
import { toCsv } from '../format/csv.js';
import { toTable } from '../format/table.js';
import { parseFormat } from '../options.js';

/** The API of a stack started with `customs start`, by default. */
export const DEFAULT_API = 'http://127.0.0.1:4000';

export interface FindingsOptions {
  status?: string;
  severity?: string;
  check?: string;
  recommendation?: string;
  'resource-type'?: string;
  format?: string;
  api?: string;
  token?: string;
}

/** Command-line option → `GET /findings` query parameter. */
const FILTERS = {
  status: 'status',
  severity: 'severity',
  check: 'checkId',
  recommendation: 'recommendation',
  'resource-type': 'resourceType',
} as const;

const CSV_COLUMNS: (keyof StoredFinding & string)[] = [
  'id',
  'state',
  'status',
  'severity',
  'recommendation',
  'checkId',
  'resourceType',
  'resourceId',
  'accountId',
  'region',
  'message',
  'openedAt',
  'lastChangedAt',
  'suppressionId',
];

/** One page of `GET /findings`, or a UsageError that says what to do. */
async function fetchPage(url: URL, token: string): Promise<{ findings: StoredFinding[]; cursor?: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
  } catch {
    throw new UsageError(
      `cannot reach the Customs API at ${url.origin}: start it with customs start, or pass --api URL`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    findings?: StoredFinding[];
    cursor?: string;
    error?: { message?: string };
  };
  if (response.status === 401) {
    throw new UsageError(
      'the API refused the token: pass --token or set CUSTOMS_API_TOKEN to the one customs start printed',
    );
  }
  if (!response.ok || !body.findings) {
    throw new UsageError(
      `the API answered ${response.status}: ${body.error?.message ?? response.statusText}`,
    );
  }
  return { findings: body.findings, ...(body.cursor ? { cursor: body.cursor } : {}) };
}

/**
 * Every finding matching the filters, read from a running stack through its API, following the
 * cursors to the end (pages of 1000).
 * @example await readFindings({ status: 'FAIL' }, 'http://127.0.0.1:4000', token);
 */
export async function readFindings(
  filters: Record<string, string>,
  api: string,
  token: string,
): Promise<StoredFinding[]> {
  let base: URL;
  try {
    base = new URL('/findings', api);
  } catch {
    throw new UsageError(`--api ${api} is not a URL; e.g. ${DEFAULT_API}`);
  }
  const findings: StoredFinding[] = [];
  let cursor: string | undefined;
  do {
    const url = new URL(base);
    url.search = new URLSearchParams({ ...filters, limit: '1000', ...(cursor ? { cursor } : {}) }).toString();
    const page = await fetchPage(url, token);
    findings.push(...page.findings);
    cursor = page.cursor;
  } while (cursor);
  return findings;
}

/**
 * `customs findings`: the stored findings of a running stack, as a table, JSON
 * (`{"findings", "summary"}`) or CSV.
 * @example await runFindings({ status: 'FAIL', format: 'json', token }, process.env);
 */
export async function runFindings(
  options: FindingsOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const format = parseFormat(options.format);
  const token = options.token ?? env.CUSTOMS_API_TOKEN;
  if (!token)
    throw new UsageError('no API token: pass --token or set CUSTOMS_API_TOKEN (customs start prints it)');
  const filters: Record<string, string> = {};
  for (const [option, parameter] of Object.entries(FILTERS)) {
    const value = options[option as keyof typeof FILTERS];
    if (value !== undefined) filters[parameter] = option === 'severity' ? value.toLowerCase() : value;
  }
  const findings = await readFindings(filters, options.api ?? env.CUSTOMS_API_URL ?? DEFAULT_API, token);
  if (format === 'json') return `${JSON.stringify({ findings, summary: summarize(findings) }, null, 2)}\n`;
  if (format === 'csv') return toCsv(findings, CSV_COLUMNS);
  const rows = findings.map((f) => [
    f.state,
    f.severity,
    f.checkId,
    f.resourceName,
    f.openedAt ?? '',
    f.message,
  ]);
  const table = toTable([['STATE', 'SEVERITY', 'CHECK', 'RESOURCE', 'OPEN SINCE', 'MESSAGE'], ...rows], 100);
  return `${table}\n${findings.length} findings\n`;
}
