import { createHash } from 'node:crypto';
import type { Finding } from '@customs/core';
import type { StoreContext } from './context.js';
import { EVALUATION_SK, evaluationKey } from './keys.js';
import { CONTENT_FIELDS } from './lifecycle.js';
import type { ResourceEvaluation } from './model.js';
import { batchGetItems } from './read-findings.js';
import type { TransactItem } from './write-change.js';

/** The time and content of one evaluation (or removal) of a resource. */
export interface EvaluationStamp {
  evaluatedAt: string;
  digest: string;
}

/**
 * How an evaluation compares with the resource's record: `newer` (it wins: evaluatedAt later, or
 * the same evaluatedAt and a greater digest), `same` (the recorded evaluation itself, delivered
 * again) or `older` (stale: it never overwrites the record's evaluation). No record: `newer`.
 * @example orderOf({ evaluatedAt: '2026-11-20T10:05:00.000Z', digest }, record); // 'newer'
 */
export function orderOf(
  mine: EvaluationStamp,
  recorded: EvaluationStamp | undefined,
): 'newer' | 'same' | 'older' {
  if (!recorded) return 'newer';
  const [time, recordedTime] = [Date.parse(mine.evaluatedAt), Date.parse(recorded.evaluatedAt)];
  if (time !== recordedTime) return time > recordedTime ? 'newer' : 'older';
  if (mine.digest === recorded.digest) return 'same';
  return mine.digest > recorded.digest ? 'newer' : 'older';
}

/**
 * sha256 (hex) of an evaluation's content: each finding's id and content fields (status, message,
 * severity, title, recommendation, resource name and type, account, region), sorted by id, so
 * that two evaluations saying the same thing about a resource have the same digest.
 * @example evaluationDigest(evaluate(cluster)); // '9f86d081884c7d65…'
 */
export function evaluationDigest(findings: readonly Finding[]): string {
  const lines = findings
    .map((finding) => [finding.id, ...CONTENT_FIELDS.map((field) => finding[field])])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(lines)).digest('hex');
}

/**
 * The evaluation records of the given resources (strongly consistent BatchGetItem). Read before
 * the findings: a write that lands after this read changes the record's `seq`, which the
 * conditional write of the record then sees, so a decision is never taken on an outdated read.
 */
export async function readEvaluations(
  context: StoreContext,
  resourceIds: Iterable<string>,
): Promise<Map<string, ResourceEvaluation>> {
  const ids = [...new Set(resourceIds)];
  const items = await batchGetItems(context, ids.map(evaluationKey));
  const found = new Map<string, ResourceEvaluation>();
  for (const item of items) {
    const record = evaluationFromItem(item);
    if (record) found.set(record.resourceId, record);
  }
  return found;
}

/** Reads an evaluation record item back; undefined for any other item. */
export function evaluationFromItem(item: Record<string, unknown>): ResourceEvaluation | undefined {
  if (item.SK !== EVALUATION_SK || typeof item.PK !== 'string') return undefined;
  const record: ResourceEvaluation = {
    resourceId: String(item.resourceId),
    evaluatedAt: String(item.evaluatedAt),
    digest: String(item.digest),
    seq: Number(item.seq),
  };
  if (typeof item.expiresAt === 'number') record.expiresAt = item.expiresAt;
  return record;
}

/**
 * The write of a resource's evaluation record: it now holds `stamp`, `seq` + 1, conditional on
 * `seq` being the one read (or on no record, when none was read), so that it fails when anyone
 * else wrote the record (and so the resource's findings) since. A removal sets `expiresAt`; an
 * evaluation removes it. Standalone for an unchanged evaluation, or one action of the transaction
 * that writes the changed findings.
 */
export function evaluationUpdate(
  context: StoreContext,
  resourceId: string,
  stamp: EvaluationStamp,
  expectedSeq: number | undefined,
  expiresAt?: number,
): NonNullable<TransactItem['Update']> {
  const names: Record<string, string> = {
    '#type': 'type',
    '#resourceId': 'resourceId',
    '#evaluatedAt': 'evaluatedAt',
    '#digest': 'digest',
    '#seq': 'seq',
    '#expiresAt': 'expiresAt',
  };
  const values: Record<string, unknown> = {
    ':type': 'evaluation',
    ':resourceId': resourceId,
    ':evaluatedAt': stamp.evaluatedAt,
    ':digest': stamp.digest,
    ':next': (expectedSeq ?? 0) + 1,
  };
  if (expectedSeq !== undefined) values[':seq'] = expectedSeq;
  if (expiresAt !== undefined) values[':expiresAt'] = expiresAt;
  const set =
    'SET #type = :type, #resourceId = :resourceId, #evaluatedAt = :evaluatedAt, #digest = :digest, #seq = :next';
  return {
    TableName: context.tableName,
    Key: evaluationKey(resourceId),
    UpdateExpression:
      expiresAt === undefined ? `${set} REMOVE #expiresAt` : `${set}, #expiresAt = :expiresAt`,
    ConditionExpression: expectedSeq === undefined ? 'attribute_not_exists(PK)' : '#seq = :seq',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
