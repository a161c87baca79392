import { createHash } from 'node:crypto';
import { FINDING_STATES, type Finding, type FindingState } from '@customs/core';
import type { StoreContext } from './context.js';
import { findingFromItem } from './items.js';
import { EVALUATION_SK, evaluationKey, findingKey } from './keys.js';
import { CONTENT_FIELDS, inUseKey } from './lifecycle.js';
import type { IndexedDigests, ResourceEvaluation, StoredFinding } from './model.js';
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
    .map((finding) => {
      const inUse = inUseKey(finding);
      const line = [finding.id, ...CONTENT_FIELDS.map((field) => finding[field])];
      return inUse === undefined ? line : [...line, inUse];
    })
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(lines)).digest('hex');
}

/**
 * The evaluation records of the given resources (strongly consistent BatchGetItem). A write that
 * lands after this read changes a record's `seq`, which the conditional write of the record then
 * sees; findings read after it are as recent as the record, or more.
 */
export async function readEvaluations(
  context: StoreContext,
  resourceIds: Iterable<string>,
): Promise<Map<string, ResourceEvaluation>> {
  const groups = [...new Set(resourceIds)].map((id): [string, string[]] => [id, []]);
  return (await readRecordsAndFindings(context, groups)).records;
}

/**
 * The evaluation records of the given resources and their given findings, in the same strongly
 * consistent BatchGetItem calls (each record next to its findings). The items of one call are not
 * read at one instant, so a resource's findings may have been read before a write that its record
 * was read after: see `readBefore`, which tells, and then the resource is read again, record first.
 */
export async function readRecordsAndFindings(
  context: StoreContext,
  groups: Iterable<readonly [string, readonly string[]]>,
  consistent = true,
): Promise<{ records: Map<string, ResourceEvaluation>; stored: Map<string, StoredFinding> }> {
  const keys = new Map<string, { PK: string; SK: string }>();
  for (const [resourceId, findingIds] of groups) {
    for (const key of [evaluationKey(resourceId), ...findingIds.map(findingKey)]) keys.set(key.PK, key);
  }
  const records = new Map<string, ResourceEvaluation>();
  const stored = new Map<string, StoredFinding>();
  for (const item of await batchGetItems(context, [...keys.values()], consistent)) {
    const record = evaluationFromItem(item);
    if (record) records.set(record.resourceId, record);
    else {
      const finding = findingFromItem(item);
      stored.set(finding.id, finding);
    }
  }
  return { records, stored };
}

/**
 * Whether some of the findings were read before a write that the record was read after: the
 * record keeps the version each finding was given by the last evaluation that wrote it, and
 * versions only grow, so a finding read at a lower version was read before that write.
 */
export function readBefore(
  record: ResourceEvaluation | undefined,
  stored: ReadonlyMap<string, StoredFinding>,
  findingIds: readonly string[],
): boolean {
  if (!record) return false;
  return findingIds.some((id) => (stored.get(id)?.version ?? 0) < (record.versions[id] ?? 0));
}

/** Reads an evaluation record item back; undefined for any other item. */
export function evaluationFromItem(item: Record<string, unknown>): ResourceEvaluation | undefined {
  if (item.SK !== EVALUATION_SK || typeof item.PK !== 'string') return undefined;
  const record: ResourceEvaluation = {
    resourceId: String(item.resourceId),
    evaluatedAt: String(item.evaluatedAt),
    digest: String(item.digest),
    seq: Number(item.seq),
    versions: isVersions(item.versions) ? item.versions : {},
  };
  if (typeof item.expiresAt === 'number') record.expiresAt = item.expiresAt;
  if (isStates(item.states)) record.states = item.states;
  if (typeof item.deployed === 'object' && item.deployed !== null) {
    record.deployed = item.deployed as IndexedDigests;
  }
  return record;
}

function isStates(value: unknown): value is Record<string, FindingState> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((state) => (FINDING_STATES as readonly unknown[]).includes(state))
  );
}

function isVersions(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && Object.values(value).every(Number.isInteger);
}

/** What a write of a resource's evaluation record sets besides its time and digest. */
export interface RecordWrite {
  /** The `seq` read (undefined: no record was read). */
  expectedSeq: number | undefined;
  /** Every finding version the record keeps, when findings are written with it. */
  versions?: Record<string, number>;
  /** The state of each finding of `versions`, written with them. */
  states?: Record<string, FindingState>;
  /** A removal: TTL deletes the record at this epoch second. */
  expiresAt?: number;
  /** A deployment's digests in the index after this write, when it writes index items. */
  deployed?: IndexedDigests;
}

/**
 * The write of a resource's evaluation record: it now holds `stamp`, `seq` + 1, conditional on
 * `seq` being the one read (or on no record, when none was read), so that it fails when anyone
 * else wrote the record (and so the resource's findings) since. A removal sets `expiresAt`; an
 * evaluation removes it. Standalone for an unchanged evaluation (the versions untouched), or one
 * action of the transaction that writes the changed findings (with their new versions).
 */
export function evaluationUpdate(
  context: StoreContext,
  resourceId: string,
  stamp: EvaluationStamp,
  { expectedSeq, versions, states, expiresAt, deployed }: RecordWrite,
): NonNullable<TransactItem['Update']> {
  const names: Record<string, string> = {
    '#type': 'type',
    '#resourceId': 'resourceId',
    '#evaluatedAt': 'evaluatedAt',
    '#digest': 'digest',
    '#seq': 'seq',
    '#expiresAt': 'expiresAt',
  };
  if (versions !== undefined) names['#versions'] = 'versions';
  if (states !== undefined) names['#states'] = 'states';
  if (deployed !== undefined) names['#deployed'] = 'deployed';
  const values: Record<string, unknown> = {
    ':type': 'evaluation',
    ':resourceId': resourceId,
    ':evaluatedAt': stamp.evaluatedAt,
    ':digest': stamp.digest,
    ':next': (expectedSeq ?? 0) + 1,
  };
  if (expectedSeq !== undefined) values[':seq'] = expectedSeq;
  if (expiresAt !== undefined) values[':expiresAt'] = expiresAt;
  if (versions !== undefined) values[':versions'] = versions;
  if (states !== undefined) values[':states'] = states;
  if (deployed !== undefined) values[':deployed'] = deployed;
  const set = [
    'SET #type = :type, #resourceId = :resourceId, #evaluatedAt = :evaluatedAt, #digest = :digest, #seq = :next',
    ...(versions === undefined ? [] : ['#versions = :versions']),
    ...(states === undefined ? [] : ['#states = :states']),
    ...(deployed === undefined ? [] : ['#deployed = :deployed']),
  ].join(', ');
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
