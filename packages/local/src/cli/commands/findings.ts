import { SEVERITIES, summarize, withGuidance } from '@customs/core';
import type { StoredFinding } from '@customs/store';
import { UsageError } from '../errors.js';
import { toCsv } from '../format/csv.js';
import { detailBlock } from '../format/details.js';
import { GUIDANCE_COLUMNS, guidanceColumns } from '../format/findings.js';
import { findingsTable } from '../format/findings-table.js';
import { renderJunit } from '../format/junit/index.js';
import { parseOutputs, writeOutputs } from '../format/outputs.js';
import { toSafeJson } from '../format/safe-json.js';
import { renderSarif } from '../format/sarif/index.js';
import type { Terminal } from '../format/terminal.js';
import { type Format, failingAtOrAbove, listOption, parseFailOn, parseFormat } from '../options.js';
import { executeApiRegion, sigV4Signer } from '../sigv4.js';

/** The API of a stack started with `customs start`, by default. */
export const DEFAULT_API = 'http://127.0.0.1:4000';

export interface FindingsOptions {
  status?: string | string[];
  severity?: string | string[];
  check?: string | string[];
  recommendation?: string | string[];
  'resource-type'?: string | string[];
  format?: string;
  output?: string[];
  'fail-on'?: string;
  details?: boolean;
  api?: string;
  token?: string;
  /** Sign with SigV4 (execute-api) even when the API's host is not API Gateway's own. */
  sigv4?: boolean;
  /** Where the table goes (`customs findings` passes stdout's) [no width, no colour]. */
  terminal?: Terminal;
}

/** How a request proves who sends it: the local stack's bearer token, or a SigV4 signature. */
export interface Authorization {
  headers(url: URL, method?: string, body?: string): Promise<Record<string, string>>;
  /** What to do when the API refuses them (401 or 403), with what it said. */
  refused(said: string | undefined): string;
}

/** Command-line option → `GET /findings` query parameter. */
const FILTERS = {
  status: 'status',
  severity: 'severity',
  check: 'checkId',
  recommendation: 'recommendation',
  'resource-type': 'resourceType',
} as const;

const CSV_COLUMNS = [
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
  ...GUIDANCE_COLUMNS,
] as const;

/** One page of `GET /findings`, or a UsageError that says what to do. */
async function fetchPage(
  url: URL,
  authorization: Authorization,
): Promise<{ findings: StoredFinding[]; cursor?: string }> {
  const headers = await authorization.headers(url);
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw new UsageError(
      `cannot reach the Customs API at ${url.origin}: start it with customs start, or pass --api URL`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    findings?: StoredFinding[];
    cursor?: string;
    error?: { message?: string };
    /** API Gateway's own answers (IAM authorization refused): `{"message": "Forbidden"}`. */
    message?: string;
  };
  if (response.status === 401 || response.status === 403) {
    throw new UsageError(authorization.refused(body.error?.message ?? body.message));
  }
  if (!response.ok || !body.findings) {
    throw new UsageError(
      `the API answered ${response.status}: ${body.error?.message ?? response.statusText}`,
    );
  }
  return { findings: body.findings, ...(body.cursor ? { cursor: body.cursor } : {}) };
}

/** `--api` as a URL, or a UsageError with an example. */
export function apiUrl(api: string): URL {
  try {
    return new URL(api);
  } catch {
    throw new UsageError(`--api ${api} is not a URL; e.g. ${DEFAULT_API}`);
  }
}

/** The local stack's bearer token (`customs start` prints it). */
function bearerToken(token: string | undefined): Authorization {
  if (!token)
    throw new UsageError('no API token: pass --token or set CUSTOMS_API_TOKEN (customs start prints it)');
  return {
    headers: async () => ({ authorization: `Bearer ${token}`, accept: 'application/json' }),
    refused: () =>
      'the API refused the token: pass --token or set CUSTOMS_API_TOKEN to the one customs start printed',
  };
}

/** SigV4 for the deployed API (IAM authorization), with the default AWS credentials chain. */
function sigV4(api: URL, env: NodeJS.ProcessEnv): Authorization {
  const signer = sigV4Signer(api, env);
  return {
    headers: (url, method = 'GET', body) =>
      signer.sign(
        url,
        method,
        { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body,
      ),
    refused: (said) =>
      `the API refused the signed request${said ? ` (${said})` : ''}: the AWS credentials need execute-api:Invoke on the API (see docs/deploy.md)`,
  };
}

/**
 * How to call an API: SigV4 for an https API Gateway endpoint (`*.execute-api.<region>.amazonaws.com`)
 * or with `--sigv4`, else the bearer token of a local stack.
 * @example authorizationFor(new URL('https://r3pmxmplak.execute-api.eu-west-1.amazonaws.com'), {}, process.env);
 */
export function authorizationFor(api: URL, options: FindingsOptions, env: NodeJS.ProcessEnv): Authorization {
  const signed = options.sigv4 === true || (api.protocol === 'https:' && executeApiRegion(api) !== undefined);
  return signed ? sigV4(api, env) : bearerToken(options.token ?? env.CUSTOMS_API_TOKEN);
}

/**
 * Every finding matching the filters, read from a stack through its API, following the cursors to
 * the end (pages of 1000).
 * @example await readFindings({ status: 'FAIL' }, 'http://127.0.0.1:4000', authorizationFor(url, { token }, process.env));
 */
export async function readFindings(
  filters: Record<string, string>,
  api: string,
  authorization: Authorization,
): Promise<StoredFinding[]> {
  const base = new URL(`${apiUrl(api).pathname.replace(/\/$/, '')}/findings`, api);
  const findings: StoredFinding[] = [];
  let cursor: string | undefined;
  do {
    const url = new URL(base);
    url.search = new URLSearchParams({ ...filters, limit: '1000', ...(cursor ? { cursor } : {}) }).toString();
    const page = await fetchPage(url, authorization);
    findings.push(...page.findings);
    cursor = page.cursor;
  } while (cursor);
  return findings;
}

/** Open failures first (then errors, suppressed, resolved, passing), most severe first within each. */
const STATE_ORDER: readonly string[] = [
  'OPEN',
  'ERROR',
  'SUPPRESSED',
  'RESOLVED',
  'PASSING',
  'NOT_APPLICABLE',
];

function failuresFirst(a: StoredFinding, b: StoredFinding): number {
  return (
    STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resourceName.localeCompare(b.resourceName)
  );
}

/** `2026-12-01T10:00:00.000Z` → `2026-12-01 10:00` (UTC). */
function openSince(finding: StoredFinding): string {
  return finding.openedAt ? `${finding.openedAt.slice(0, 10)} ${finding.openedAt.slice(11, 16)}` : '';
}

/** `3 findings: 2 OPEN, 1 RESOLVED`. */
function countLine(findings: readonly StoredFinding[]): string {
  const counts = STATE_ORDER.flatMap((state) => {
    const n = findings.filter((f) => f.state === state).length;
    return n > 0 ? [`${n} ${state}`] : [];
  });
  return `${findings.length} findings${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`;
}

/** The stored findings in one format (the API's own guidance kept; added where it had none). */
function render(findings: StoredFinding[], format: Format, details: boolean, terminal: Terminal): string {
  if (format === 'json')
    return `${toSafeJson({ findings: findings.map(withGuidance), summary: summarize(findings) })}\n`;
  if (format === 'csv') return toCsv(findings.map(guidanceColumns), [...CSV_COLUMNS]);
  if (format === 'sarif') return renderSarif(findings);
  if (format === 'junit') return renderJunit(findings);
  const sorted = [...findings].sort(failuresFirst);
  if (details) return `${sorted.map(detailBlock).join('\n\n')}\n\n${countLine(findings)}\n`;
  // scan's table: fitted to the terminal, the verdict never cut, coloured on a TTY only.
  const table = findingsTable(sorted, terminal, {
    first: { title: 'STATE', value: (f) => f.state },
    extra: { title: 'OPEN SINCE', value: openSince },
  });
  return `${table}\n${countLine(findings)}\n`;
}

/**
 * `customs findings`: the stored findings of a running stack, as a table (a block per finding with
 * `--details`), JSON (`{"findings", "summary"}`), CSV, SARIF or JUnit, each with its check's
 * rationale and remediation; `--output` writes more formats, `--fail-on` fails on open findings.
 * @example await runFindings({ status: 'FAIL', format: 'json', token }, process.env);
 */
export async function runFindings(
  options: FindingsOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ output: string; failing: number; failOn?: string }> {
  const format = parseFormat(options.format);
  const outputs = parseOutputs(options.output);
  const failOn = parseFailOn(options['fail-on']);
  const api = options.api ?? env.CUSTOMS_API_URL ?? DEFAULT_API;
  const authorization = authorizationFor(apiUrl(api), options, env);
  const filters: Record<string, string> = {};
  for (const [option, parameter] of Object.entries(FILTERS)) {
    // Repeated and comma-separated values go as one comma list, in any case: the API reads both.
    const values = listOption(options[option as keyof typeof FILTERS]);
    if (values.length > 0) filters[parameter] = values.join(',');
  }
  const findings = await readFindings(filters, api, authorization);
  const details = options.details === true;
  // Files get the table at no width and without colour.
  await writeOutputs(outputs, (each) => render(findings, each, details, { colour: false }));
  const failing = failOn === undefined ? 0 : failingAtOrAbove(findings, failOn).length;
  const terminal = options.terminal ?? { colour: false };
  return { output: render(findings, format, details, terminal), failing, ...(failOn ? { failOn } : {}) };
}
