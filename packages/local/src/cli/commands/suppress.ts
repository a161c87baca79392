import { safeText } from '@customs/core';
import { UsageError } from '../errors.js';
import { toSafeJson } from '../format/safe-json.js';
import { toTable } from '../format/table.js';
import { parseFormat } from '../options.js';
import { type ApiOptions, callApi } from './api-request.js';

const DAY_MS = 86_400_000;

interface SuppressionView {
  id: string;
  checkId?: string;
  resourcePattern?: string;
  owner: string;
  reason: string;
  expiresAt: string;
  active: boolean;
}

export interface SuppressOptions extends ApiOptions {
  check?: string;
  resource?: string;
  reason?: string;
  owner?: string;
  expires?: string;
  confirm?: boolean;
  format?: string;
}

/** `--expires`: an ISO 8601 time, or a number of days from now (`30d`). */
export function expiryOf(value: string | undefined, now: Date): string {
  if (value === undefined)
    throw new UsageError('--expires is required: a time (2026-12-31T00:00:00Z) or days (30d)');
  const days = /^(\d{1,4})d$/.exec(value)?.[1];
  if (days !== undefined) return new Date(now.getTime() + Number(days) * DAY_MS).toISOString();
  if (Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--expires ${value} is not a time (2026-12-31T00:00:00Z) or a number of days (30d)`);
  }
  return new Date(value).toISOString();
}

const say = (text: string | undefined) => safeText(text ?? '', { maxLength: 200 });

/**
 * `customs suppress`: POST /suppressions with the check and/or resource pattern, reason, owner and
 * expiry; prints the suppression and the findings it suppressed.
 * @example await runSuppress({ check: 'iam-user-mfa-enabled', reason: 'Break-glass user', owner: 'sec', expires: '30d', token });
 */
export async function runSuppress(
  options: SuppressOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const format = parseFormat(options.format, ['table', 'json']);
  if (options.check === undefined && options.resource === undefined) {
    throw new UsageError('suppress needs --check ID, --resource PATTERN or both');
  }
  for (const required of ['reason', 'owner'] as const) {
    if (!options[required]?.trim()) throw new UsageError(`--${required} is required`);
  }
  const body = {
    ...(options.check === undefined ? {} : { checkId: options.check }),
    ...(options.resource === undefined ? {} : { resourcePattern: options.resource }),
    reason: options.reason,
    owner: options.owner,
    expiresAt: expiryOf(options.expires, new Date()),
    ...(options.confirm ? { confirm: true } : {}),
  };
  const answer = await callApi(options, env, 'POST', '/suppressions', body);
  if (format === 'json') return `${toSafeJson(answer)}\n`;
  const suppression = answer.suppression as SuppressionView;
  const changes = answer.changes as unknown[];
  return `Suppression ${suppression.id} until ${suppression.expiresAt}: ${changes.length} findings suppressed\n`;
}

/**
 * `customs suppressions`: GET /suppressions (`--active true|false` to narrow) as a table or JSON.
 * @example await runSuppressions({ active: 'true', token });
 */
export async function runSuppressions(
  options: ApiOptions & { active?: string; format?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const format = parseFormat(options.format, ['table', 'json']);
  const active = options.active?.toLowerCase();
  if (active !== undefined && active !== 'true' && active !== 'false') {
    throw new UsageError(`--active ${options.active}: true or false`);
  }
  const query = active === undefined ? '' : `?active=${active}`;
  const answer = await callApi(options, env, 'GET', `/suppressions${query}`);
  if (format === 'json') return `${toSafeJson(answer)}\n`;
  const rows = (answer.suppressions as SuppressionView[]).map((each) => [
    each.id,
    each.active ? 'active' : 'expired',
    say(each.checkId ?? '*'),
    say(each.resourcePattern ?? '*'),
    say(each.owner),
    each.expiresAt,
    say(each.reason),
  ]);
  const header = ['ID', 'STATE', 'CHECK', 'RESOURCES', 'OWNER', 'EXPIRES', 'REASON'];
  return `${toTable([header, ...rows], 60)}\n${rows.length} suppressions\n`;
}

/**
 * `customs unsuppress ID`: DELETE /suppressions/{id}; prints how many findings reopened.
 * @example await runUnsuppress('3f0c…', { token });
 */
export async function runUnsuppress(
  id: string | undefined,
  options: ApiOptions & { format?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const format = parseFormat(options.format, ['table', 'json']);
  if (id === undefined)
    throw new UsageError('unsuppress needs the suppression id (customs suppressions lists them)');
  const answer = await callApi(options, env, 'DELETE', `/suppressions/${encodeURIComponent(id)}`);
  if (format === 'json') return `${toSafeJson(answer)}\n`;
  return `Suppression ${say(id)} deleted: ${(answer.changes as unknown[]).length} findings reopened\n`;
}
