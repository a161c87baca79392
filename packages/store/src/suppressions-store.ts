import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@customs/core';
import type { StoreContext } from './context.js';
import { findingFromItem } from './items.js';
import { isNewer, sameContent } from './lifecycle.js';
import type { StoredFinding } from './model.js';
import { queryAll } from './run-query.js';
import { isActiveAt, SUPPRESSIONS_PK, type Suppression, suppressionFromItem } from './suppressions.js';

/**
 * The suppressions that have not expired at `from` (every one when absent), soonest expiry first:
 * Query on the SUPPRESSIONS partition of byStatus, whose sort key starts with the expiry.
 * @example const active = await readSuppressions(context, new Date().toISOString());
 */
export async function readSuppressions(context: StoreContext, from?: string): Promise<Suppression[]> {
  const found: Suppression[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const response = await context.doc.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: 'byStatus',
        KeyConditionExpression: from === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :from',
        ExpressionAttributeNames: { '#pk': 'GSI1PK', ...(from === undefined ? {} : { '#sk': 'GSI1SK' }) },
        ExpressionAttributeValues: {
          ':pk': SUPPRESSIONS_PK,
          ...(from === undefined ? {} : { ':from': from }),
        },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(response.Items ?? []).map(suppressionFromItem));
    start = response.LastEvaluatedKey;
  } while (start);
  return from === undefined ? found : found.filter((each) => isActiveAt(each, from));
}

/**
 * Whether deciding on `finding` needs the suppressions: a FAIL that is new, changed, or covered by
 * a suppression that has expired, and not older than the stored finding. An evaluation reads them
 * (one Query) only then, so an unchanged re-evaluation keeps the stored suppression and costs no
 * suppression read.
 */
export function needsSuppressions(finding: Finding, current: StoredFinding | undefined): boolean {
  if (finding.status !== 'FAIL') return false;
  if (!current) return true;
  if (isNewer(current.lastEvaluatedAt, finding.evaluatedAt)) return false;
  if (!sameContent(current, finding)) return true;
  const until = current.state === 'SUPPRESSED' ? current.suppressedUntil : undefined;
  return until !== undefined && !isActiveAt({ expiresAt: until }, finding.evaluatedAt);
}

/**
 * The failing findings a suppression may cover, with the given state or suppression: Query on
 * byCheck (`FAIL#` prefix) when it names a check, else on the FAIL partition of byStatus.
 */
export async function failingCandidates(
  context: StoreContext,
  suppression: Pick<Suppression, 'checkId'>,
  filters: Record<string, string>,
): Promise<StoredFinding[]> {
  const plan = suppression.checkId
    ? { index: 'byCheck' as const, partitions: [{ pk: `CHECK#${suppression.checkId}`, prefix: 'FAIL#' }] }
    : { index: 'byStatus' as const, partitions: [{ pk: 'STATUS#FAIL' }] };
  const items = await queryAll(context, { ...plan, filters });
  return items.map(findingFromItem);
}
