import { SEVERITIES, type Severity } from '@customs/core';
import type { StoredFinding } from './model.js';

/** Partition of the summary counters. */
export const SUMMARY_PK = 'SUMMARY';
/** Counters of one dimension value are spread over this many items, so writers rarely collide. */
export const COUNTER_SHARDS = 8;
export const HISTORY_PREFIX = 'H#';
const FINDING_SK = 'FINDING';
/** Sort key of a resource's evaluation record (README.md, "Ordering"). */
export const EVALUATION_SK = 'EVALUATION';
const RESOURCE_PREFIX = 'RES#';

/**
 * The byAccountRegion partition of an account's region (GSI5PK).
 * @example accountRegionKey('111122223333', 'eu-west-1') // 'ACCT#111122223333#eu-west-1'
 */
export function accountRegionKey(accountId: string, region: string): string {
  return `ACCT#${accountId}#${region}`;
}

/** 1 for critical … 5 for informational, so that a sort key orders the most severe first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

export function findingKey(findingId: string): { PK: string; SK: string } {
  return { PK: `F#${findingId}`, SK: FINDING_SK };
}

/**
 * The key of a resource's evaluation record: its latest evaluation's time and digest. It carries no
 * GSI key, so no index (and no listing) ever holds it.
 */
export function evaluationKey(resourceId: string): { PK: string; SK: string } {
  return { PK: `${RESOURCE_PREFIX}${resourceId}`, SK: EVALUATION_SK };
}

/** Versions are zero-padded so the sort key orders them numerically. */
export function historyKey(findingId: string, version: number): { PK: string; SK: string } {
  return { PK: `F#${findingId}`, SK: `${HISTORY_PREFIX}${String(version).padStart(10, '0')}` };
}

/**
 * The GSI keys of a stored finding (README.md, "Indexes"). Sort keys end with the finding id (32
 * hex digits), not the resource's ARN, so the item stays small (its write units are per KB, and
 * every index of projection ALL holds a copy); byAccountRegion's sort key has no status, so a
 * status change does not re-key it. No key of a resource type or recommendation: a check has one
 * of each, so byCheck's partitions of the catalog's checks answer those listings (list-plan.ts).
 */
export function indexKeys(finding: StoredFinding): Record<string, string> {
  const rank = severityRank(finding.severity);
  const { id, status, checkId, resourceId, resourceType } = finding;
  return {
    GSI1PK: `STATUS#${status}`,
    GSI1SK: `${rank}#${checkId}#${id}`,
    GSI2PK: `CHECK#${checkId}`,
    GSI2SK: `${status}#${id}`,
    GSI4PK: `RES#${resourceId}`,
    GSI4SK: checkId,
    GSI5PK: accountRegionKey(finding.accountId, finding.region),
    GSI5SK: `${resourceType}#${id}`,
  };
}

/**
 * The counter shard of a resource's findings: one per resource, so that the one transaction that
 * stores a resource's changes touches few counter items, and resources spread over the shards.
 * The summary adds the shards up, so which shard a change lands on never changes a total.
 */
export function counterShard(resourceId: string): number {
  let hash = 0;
  for (const char of resourceId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % COUNTER_SHARDS;
}
