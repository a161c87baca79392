import { type Finding, type GlobOptions, globMatches } from '@customs/core';
import type { StoredFinding } from './model.js';

/**
 * A decision to accept a failing finding for a while: findings of `checkId` (when given) on
 * resources whose id matches `resourcePattern` (when given; `*` matches any run of characters)
 * are SUPPRESSED until `expiresAt`: still evaluated and listed, not notified.
 */
export interface Suppression {
  id: string;
  checkId?: string;
  resourcePattern?: string;
  reason: string;
  owner: string;
  /** ISO 8601; the suppression covers nothing from then on. */
  expiresAt: string;
  createdAt: string;
  /** Who created it (the API's caller). */
  createdBy: string;
  /** When `expire` reopened what it covered, after it expired. */
  endedAt?: string;
}

/** What a suppressed finding records of the suppression that covers it. */
export interface SuppressionMark {
  id: string;
  until: string;
  /** Why, as the history entry words it. */
  reason: string;
}

/** The listing partition of suppressions on the overloaded byStatus index (GSI1). */
export const SUPPRESSIONS_PK = 'SUPPRESSIONS';
const SUPPRESSION_SK = 'SUPPRESSION';

/** The table key of a suppression item. */
export function suppressionKey(id: string): { PK: string; SK: string } {
  return { PK: `S#${id}`, SK: SUPPRESSION_SK };
}

/** The suppression as a table item: listed on GSI1 by expiry, so active ones are a key range. */
export function suppressionItem(suppression: Suppression): Record<string, unknown> {
  return {
    ...suppression,
    ...suppressionKey(suppression.id),
    type: 'suppression',
    GSI1PK: SUPPRESSIONS_PK,
    GSI1SK: `${suppression.expiresAt}#${suppression.id}`,
  };
}

/** Reads a suppression item back. */
export function suppressionFromItem(item: Record<string, unknown>): Suppression {
  const { PK: _pk, SK: _sk, type: _type, GSI1PK: _gpk, GSI1SK: _gsk, ...suppression } = item;
  return suppression as unknown as Suppression;
}

/** Suppression patterns: `*` any run of characters, everything else (`?` included) itself, case-sensitive. */
const RESOURCE_PATTERN: GlobOptions = { questionMark: false };

/**
 * Whether a suppression's `resourcePattern` matches a whole resource id: `*` matches any run of
 * characters (`/` and `:` included); everything else, `?` included, matches itself, case-sensitively.
 * Linear in the id and the pattern (core's `Glob`): no pattern can stall a write.
 * @example resourcePatternMatches('arn:aws:ecr:*:111122223333:repository/team/*', repositoryArn); // true
 */
export function resourcePatternMatches(pattern: string, resourceId: string): boolean {
  return globMatches(pattern, resourceId, RESOURCE_PATTERN);
}

/**
 * Whether a suppression covers a finding's check and resource (whatever its status or expiry).
 * @example coversFinding({ checkId: 'iam-user-mfa-enabled' }, finding);
 */
export function coversFinding(
  suppression: Pick<Suppression, 'checkId' | 'resourcePattern'>,
  finding: Pick<Finding, 'checkId' | 'resourceId'>,
): boolean {
  if (suppression.checkId !== undefined && suppression.checkId !== finding.checkId) return false;
  if (
    suppression.resourcePattern !== undefined &&
    !resourcePatternMatches(suppression.resourcePattern, finding.resourceId)
  )
    return false;
  return true;
}

/** Whether a suppression is in force at `at`. */
export function isActiveAt(suppression: Pick<Suppression, 'expiresAt'>, at: string): boolean {
  return Date.parse(suppression.expiresAt) > Date.parse(at);
}

/** The mark a finding keeps of the suppression that covers it. */
export function markOf(suppression: Suppression): SuppressionMark {
  return {
    id: suppression.id,
    until: suppression.expiresAt,
    reason: `Suppressed by ${suppression.id} until ${suppression.expiresAt} (owner ${suppression.owner}): ${suppression.reason}`,
  };
}

/**
 * The suppression that covers a FAIL verdict at its evaluation time: the stored one while it still
 * covers it (no churn between overlapping suppressions), else the one that lasts longest. When
 * `suppressions` were not loaded (the verdict repeats the stored one), the stored mark is kept
 * while it has not expired.
 * @example suppressionFor(finding, stored, await loadSuppressions(context, finding.evaluatedAt));
 */
export function suppressionFor(
  finding: Finding,
  stored: StoredFinding | undefined,
  suppressions: readonly Suppression[] | undefined,
): SuppressionMark | undefined {
  if (finding.status !== 'FAIL') return undefined;
  const at = finding.evaluatedAt;
  if (suppressions === undefined) {
    const { suppressionId, suppressedUntil } = stored ?? {};
    if (stored?.state !== 'SUPPRESSED' || !suppressionId || !suppressedUntil) return undefined;
    if (!isActiveAt({ expiresAt: suppressedUntil }, at)) return undefined;
    return { id: suppressionId, until: suppressedUntil, reason: `Suppressed by ${suppressionId}` };
  }
  const covering = suppressions.filter((each) => isActiveAt(each, at) && coversFinding(each, finding));
  const kept = covering.find((each) => each.id === stored?.suppressionId);
  const longest = [...covering].sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
  const chosen = kept ?? longest;
  return chosen ? markOf(chosen) : undefined;
}
