import { CATALOG, nearest, safeText } from '@customs/core';
import * as z from 'zod';

/** The most values one filter takes (`severity=critical,high` is two). */
export const MAX_FILTER_VALUES = 50;

/** What one value of a filter is: its canonical spelling, or why it is not one. */
type ReadValue = (value: string) => { value: string } | { problem: string };

/**
 * A query filter of one or more values, comma-separated (`severity=critical,high`) or repeated
 * (`severity=critical&severity=high`: API Gateway, and the local adapter, join repeated parameters
 * with commas), each read by `read`; parses to the distinct canonical values.
 */
function listFilter(read: ReadValue, description: string) {
  return z
    .string()
    .max(4096)
    .describe(`${description} One or more, comma-separated or repeated; any one may match.`)
    .transform(function parseValues(raw, context): string[] {
      const values = raw
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean);
      const problem = (message: string) => {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (values.length === 0) return problem('names no value');
      if (values.length > MAX_FILTER_VALUES) return problem(`at most ${MAX_FILTER_VALUES} values`);
      const parsed: string[] = [];
      for (const value of values) {
        const result = read(value);
        if ('problem' in result) return problem(result.problem);
        parsed.push(result.value);
      }
      return [...new Set(parsed)];
    })
    .optional();
}

const shown = (value: string) => safeText(value, { maxLength: 100 });

/**
 * A filter over a closed list (severity, status, state, resource type, recommendation), accepted in
 * any case (`HIGH`, `fail`, `csa-3`); an unknown value names the nearest valid ones. One more enum
 * filter is one line: `state: enumFilter(FINDING_STATES, 'The lifecycle state.')`.
 * @example enumFilter(SEVERITIES, 'The check severity.').parse('CRITICAL,high') // ['critical', 'high']
 */
export function enumFilter<const T extends string>(valid: readonly T[], description: string) {
  const byLower = new Map(valid.map((each) => [each.toLowerCase(), each]));
  const read: ReadValue = function readEnum(value) {
    const known = byLower.get(value.toLowerCase());
    if (known !== undefined) return { value: known };
    const near = nearest(value, valid);
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : `one of ${valid.join(', ')}`;
    return { problem: `unknown value ${shown(value)}; ${hint}` };
  };
  return listFilter(
    read,
    `${description} Values: ${valid.join(', ')} (any case).`,
  ) as unknown as z.ZodOptional<z.ZodType<T[], string>>;
}

/**
 * `checkId`: catalog check ids (any case); an unknown one is a 400 naming the nearest
 * ("did you mean ecr-image-signed?").
 */
export const checkIdFilter = listFilter(function readCheckId(value) {
  const id = value.toLowerCase();
  if (CATALOG.has(id)) return { value: id };
  const near = nearest(id, CATALOG.ids());
  const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : 'GET /checks lists them';
  return { problem: `unknown check id ${shown(value)}; ${hint}` };
}, 'A catalog check id.');

/** A filter of values matching `pattern` (account ids, regions), each named when wrong. */
export function patternFilter(pattern: RegExp, what: string, description: string) {
  return listFilter(function readPattern(value) {
    return pattern.test(value) ? { value } : { problem: `${shown(value)} is not ${what}` };
  }, description);
}

/**
 * `inUse`: `true` (ECR image findings whose image a deployment runs, or that Amazon Inspector
 * counts in use) or `false` (whose image runs nowhere either sees), any case; a filter condition on the query the other filters choose (README.md of
 * packages/store), so it reads the ECR image findings' partitions and keeps the matching ones.
 * @example inUseFilter.parse('TRUE') // true
 */
export const inUseFilter = z
  .string()
  .max(10)
  .describe(
    "ECR image findings whose image runs (`true`: an ECS task or Kubernetes pod Customs reads runs its digest, or Amazon Inspector counts it in use with enhanced scanning) or runs nowhere (`false`). Reads the ECR image findings' index partitions with a filter condition.",
  )
  .transform(function parseInUse(raw, context): boolean {
    const value = raw.trim().toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    context.addIssue({ code: 'custom', message: `${shown(raw)} is not true or false` });
    return z.NEVER;
  })
  .optional();

/** `YYYY-MM-DD`, optionally `THH:MM[:SS[.fraction]]` with `Z` or `±HH:MM`: no nested repetition. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant an ISO 8601 date (`2026-12-01`: that day's 00:00 UTC) or date-time with its zone
 * (`2026-12-01T09:30:00+01:00`, `…Z`) names, as `toISOString` writes it (how the store keeps
 * `openedAt`), or why it is not one: an impossible day (2026-02-30) or time is not a date.
 * @example isoInstant('2026-12-01') // { value: '2026-12-01T00:00:00.000Z' }
 */
function isoInstant(raw: string): { value: string } | { problem: string } {
  const text = raw.trim();
  const parts = text.length <= 40 ? ISO_INSTANT.exec(text) : null;
  const notOne = {
    problem: `${shown(raw)} is not an ISO 8601 date (2026-12-01) or date-time with its zone (2026-12-01T09:30:00Z)`,
  };
  if (!parts) return notOne;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = parts;
  const date = `${year}-${month}-${day}`;
  const midnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== date) return notOne;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return notOne;
  const at = Date.parse(parts[4] === undefined ? `${date}T00:00:00Z` : text);
  return Number.isNaN(at) ? notOne : { value: new Date(at).toISOString() };
}

/**
 * `openedSince`: findings whose current or last failure began at or after this date (00:00 UTC)
 * or date-time; a filter condition (`openedAt >=`) on the query the other filters choose.
 * @example openedSinceFilter.parse('2026-12-01') // '2026-12-01T00:00:00.000Z'
 */
export const openedSinceFilter = z
  .string()
  .max(100)
  .describe(
    'Findings whose current or last failure began (`openedAt`) at or after this ISO 8601 date (its 00:00 UTC) or date-time with its zone (`Z` or `±HH:MM`); findings that never failed have no `openedAt` and never match. A filter condition on the query the other filters choose.',
  )
  .transform(function parseOpenedSince(raw, context): string {
    const result = isoInstant(raw);
    if ('value' in result) return result.value;
    context.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  })
  .optional();
