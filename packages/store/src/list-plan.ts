import { CATALOG, type Recommendation, type ResourceType, type Severity, type Status } from '@customs/core';
import { severityRank } from './keys.js';
import type { FindingState } from './model.js';
import type { QueryPlan } from './run-query.js';

/** One value, or several of which any may match (`severity: ['critical', 'high']`). */
type OneOrMore<T> = T | readonly T[];

/** The filters of `listFindings`; every one given must match (one of its values, when several). */
export interface FindingFilters {
  status?: OneOrMore<Status>;
  state?: OneOrMore<FindingState>;
  severity?: OneOrMore<Severity>;
  checkId?: OneOrMore<string>;
  recommendation?: OneOrMore<Recommendation>;
  resourceType?: OneOrMore<ResourceType>;
  accountId?: OneOrMore<string>;
  region?: OneOrMore<string>;
  /**
   * ECR image findings whose image runs (true) or runs nowhere (false), by their `inUse`
   * (`running`, or Inspector's `inspector.inUseCount`, above 0): a
   * filter condition on the query the other filters choose, which reads the ECR image findings
   * (byCheck's partitions of the ECR image checks) when no check id or resource type narrows it.
   */
  inUse?: boolean;
  /**
   * Findings whose current or last failure began at or after this instant (`openedAt >=`, an ISO
   * 8601 time as `toISOString` writes it): a filter condition on the query the other filters
   * choose; findings that never failed have no `openedAt` and never match.
   */
  openedSince?: string;
}

/** The filters that are conditions on the chosen query, never part of its key. */
const CONDITION_ONLY = new Set(['inUse', 'openedSince']);

/** Statuses in the order an unfiltered listing returns them: failures first. */
const LISTING_STATUS_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'PASS', 'NOT_APPLICABLE'];
/** Statuses in sort key order (a listing by resource type or recommendation without a status). */
const KEY_STATUS_ORDER: readonly Status[] = ['ERROR', 'FAIL', 'NOT_APPLICABLE', 'PASS'];

type Values = Partial<Record<Exclude<keyof FindingFilters, 'inUse' | 'openedSince'>, string[]>>;

/** Every filter as its distinct values (none: absent), statuses in listing order, severities by rank. */
function valuesOf(filters: FindingFilters): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || CONDITION_ONLY.has(name)) continue;
    const list = [...new Set<string>(typeof value === 'string' ? [value] : (value as string[]))];
    if (list.length > 0) values[name as keyof Values] = list;
  }
  if (values.status) values.status.sort((a, b) => statusOrder(a) - statusOrder(b));
  if (values.severity) values.severity.sort((a, b) => rankOf(a) - rankOf(b));
  return values;
}

const statusOrder = (status: string) => LISTING_STATUS_ORDER.indexOf(status as Status);
const rankOf = (severity: string) => severityRank(severity as Severity);

/**
 * Chooses the index for a set of filters (README.md, "Which index answers which query") and turns
 * what the index key cannot express into filter conditions. A filter of several values reads one
 * partition (or sort key prefix) per value when it is in the key, else is an `IN` condition.
 * @example planListing({ status: 'FAIL', severity: 'high' }); // byStatus, STATUS#FAIL, begins_with 2#
 * @example planListing({ severity: ['critical', 'high'] }); // byStatus, 8 partitions: each status × 1#, 2#
 */
export function planListing(filters: FindingFilters): QueryPlan {
  const { inUse, openedSince } = filters;
  const narrowed: FindingFilters =
    inUse !== undefined && filters.checkId === undefined && filters.resourceType === undefined
      ? { ...filters, resourceType: 'ecr-image' }
      : filters;
  const chosen = planOf(narrowed);
  return {
    ...chosen,
    ...(inUse === undefined ? {} : { inUse }),
    ...(openedSince === undefined ? {} : { openedSince }),
  };
}

function planOf(filters: FindingFilters): QueryPlan {
  const given = valuesOf(filters);
  const { status, severity, checkId, resourceType, recommendation, accountId, region } = given;
  const rest = (...inKey: (keyof Values)[]) =>
    Object.fromEntries(Object.entries(given).filter(([name]) => !inKey.includes(name as keyof Values)));

  if (checkId !== undefined) {
    const prefixes = status === undefined ? [undefined] : status.map((each) => `${each}#`);
    return plan(
      'byCheck',
      product(checkId, 'CHECK#', prefixes),
      rest('checkId', ...(status ? ['status' as const] : [])),
    );
  }
  if (resourceType !== undefined || recommendation !== undefined) {
    const checks = checksOf(resourceType, recommendation, severity);
    const inKey: (keyof Values)[] = [
      'resourceType',
      'recommendation',
      ...(severity ? ['severity' as const] : []),
    ];
    const statuses = status ?? [...KEY_STATUS_ORDER];
    const partitions = statuses.flatMap((each) => product(checks, 'CHECK#', [`${each}#`]));
    return plan('byCheck', partitions, rest(...inKey, ...(status ? ['status' as const] : [])));
  }
  const ranks = severity === undefined ? [undefined] : severity.map((level) => `${rankOf(level)}#`);
  if (status !== undefined) {
    return plan(
      'byStatus',
      product(status, 'STATUS#', ranks),
      rest('status', ...(severity ? ['severity' as const] : [])),
    );
  }
  if (accountId !== undefined && region !== undefined) {
    const pairs = accountId.flatMap((account) => region.map((each) => `${account}#${each}`));
    return plan('byAccountRegion', product(pairs, 'ACCT#', [undefined]), rest('accountId', 'region'));
  }
  const partitions = product([...LISTING_STATUS_ORDER], 'STATUS#', ranks);
  return plan('byStatus', partitions, rest(...(severity ? ['severity' as const] : [])));
}

/**
 * The catalog's checks of the given resource types, recommendations and severities (each: any
 * when absent), most severe first, then by id: a check has one resource type, recommendation and
 * severity, so byCheck's partitions of these checks hold exactly the findings those filters match,
 * in the order the dropped byResourceType and byRecommendation indexes kept (status, rank, check).
 */
function checksOf(
  resourceType: string[] | undefined,
  recommendation: string[] | undefined,
  severity: string[] | undefined,
): string[] {
  return CATALOG.all()
    .filter(
      (check) =>
        (resourceType === undefined || resourceType.includes(check.resourceType)) &&
        (recommendation === undefined || recommendation.includes(check.recommendation)) &&
        (severity === undefined || severity.includes(check.severity)),
    )
    .sort((a, b) => rankOf(a.severity) - rankOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((check) => check.id);
}

/** One partition per key value and sort key prefix, in that order. */
function product(
  keys: string[],
  keyPrefix: string,
  prefixes: (string | undefined)[],
): QueryPlan['partitions'] {
  return keys.flatMap((key) => prefixes.map((prefix) => ({ pk: `${keyPrefix}${key}`, prefix })));
}

function plan(
  index: QueryPlan['index'],
  partitions: QueryPlan['partitions'],
  filters: Record<string, string[] | undefined>,
): QueryPlan {
  const conditions = Object.fromEntries(
    Object.entries(filters).flatMap(([name, values]): [string, string | string[]][] =>
      values === undefined ? [] : [[name, values.length === 1 ? (values[0] as string) : values]],
    ),
  );
  return { index, partitions, filters: conditions };
}
