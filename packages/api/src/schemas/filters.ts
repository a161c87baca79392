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
 * `inUse`: `true` (ECR image findings whose image a deployment runs) or `false` (whose image runs
 * nowhere), any case; a filter condition on the query the other filters choose (README.md of
 * packages/store), so it reads the ECR image findings' partitions and keeps the matching ones.
 * @example inUseFilter.parse('TRUE') // true
 */
export const inUseFilter = z
  .string()
  .max(10)
  .describe(
    "ECR image findings whose image runs in a deployment (`true`: an ECS task or Kubernetes pod runs its digest) or runs nowhere (`false`). Reads the ECR image findings' index partitions with a filter condition.",
  )
  .transform(function parseInUse(raw, context): boolean {
    const value = raw.trim().toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    context.addIssue({ code: 'custom', message: `${shown(raw)} is not true or false` });
    return z.NEVER;
  })
  .optional();
