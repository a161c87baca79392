import type { Recommendation, ResourceType, Severity, Status } from '@customs/core';
import { severityRank } from './keys.js';
import type { FindingState } from './model.js';
import type { QueryPlan } from './run-query.js';

/** The filters of `listFindings`; every one given must match. */
export interface FindingFilters {
  status?: Status;
  state?: FindingState;
  severity?: Severity;
  checkId?: string;
  recommendation?: Recommendation;
  resourceType?: ResourceType;
  accountId?: string;
  region?: string;
}

/** Statuses in the order an unfiltered listing returns them: failures first. */
const LISTING_STATUS_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'PASS', 'NOT_APPLICABLE'];

/**
 * Chooses the index for a set of filters (README.md, "Which index answers which query") and turns
 * what the index key cannot express into filter conditions.
 * @example planListing({ status: 'FAIL', severity: 'high' }); // byStatus, STATUS#FAIL, begins_with 2#
 */
export function planListing(filters: FindingFilters): QueryPlan {
  const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  const { status, severity, checkId, recommendation, resourceType, accountId, region } = filters;
  const rank = severity === undefined ? undefined : severityRank(severity);
  const statusThenSeverity =
    status === undefined ? undefined : rank === undefined ? `${status}#` : `${status}#${rank}#`;
  const rest = (...inKey: (keyof FindingFilters)[]) =>
    Object.fromEntries(
      Object.entries(given).filter(([name]) => !inKey.includes(name as keyof FindingFilters)),
    );

  if (checkId !== undefined) {
    const prefix = status === undefined ? undefined : `${status}#`;
    return plan(
      'byCheck',
      [{ pk: `CHECK#${checkId}`, prefix }],
      rest('checkId', ...(prefix ? ['status' as const] : [])),
    );
  }
  if (resourceType !== undefined) {
    return plan(
      'byResourceType',
      [{ pk: `TYPE#${resourceType}`, prefix: statusThenSeverity }],
      rest('resourceType', ...keyed(status, severity)),
    );
  }
  if (recommendation !== undefined) {
    return plan(
      'byRecommendation',
      [{ pk: `REC#${recommendation}`, prefix: statusThenSeverity }],
      rest('recommendation', ...keyed(status, severity)),
    );
  }
  if (status !== undefined) {
    const prefix = rank === undefined ? undefined : `${rank}#`;
    return plan(
      'byStatus',
      [{ pk: `STATUS#${status}`, prefix }],
      rest('status', ...(prefix ? ['severity' as const] : [])),
    );
  }
  if (accountId !== undefined && region !== undefined) {
    return plan('byAccountRegion', [{ pk: `ACCT#${accountId}#${region}` }], rest('accountId', 'region'));
  }
  const prefix = rank === undefined ? undefined : `${rank}#`;
  const partitions = LISTING_STATUS_ORDER.map((each) => ({ pk: `STATUS#${each}`, prefix }));
  return plan('byStatus', partitions, rest(...(prefix ? ['severity' as const] : [])));
}

/** The filters that a `status#severity#` sort key prefix expresses (severity only with a status). */
function keyed(status: Status | undefined, severity: Severity | undefined): (keyof FindingFilters)[] {
  if (status === undefined) return [];
  return severity === undefined ? ['status'] : ['status', 'severity'];
}

function plan(
  index: QueryPlan['index'],
  partitions: QueryPlan['partitions'],
  filters: Record<string, unknown>,
): QueryPlan {
  return { index, partitions, filters: filters as Record<string, string> };
}
