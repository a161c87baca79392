import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@customs/core';
import type { StoreContext } from './context.js';
import { type EvaluationStamp, evaluationUpdate, orderOf } from './evaluation-record.js';
import type { ResourceEvaluation, StoredFinding } from './model.js';
import { isWriteConflict } from './write-change.js';

/**
 * Whether an evaluation can be stored from the resource's evaluation record alone, without reading
 * its findings: the record holds the same digest (so every content field of every finding is the
 * one stored: the record is written with each finding write, and a finding's content changes only
 * with it), is not a removal's, keeps each finding's version and state, and no finding fails (a
 * failing one may be suppressed meanwhile — suppressions write findings, not the record — and its
 * suppression may have expired). README.md, "Writes".
 * @example canSkipFindings(record, { evaluatedAt, digest }, group); // true: only the record is written
 */
export function canSkipFindings(
  record: ResourceEvaluation | undefined,
  stamp: EvaluationStamp,
  group: readonly Finding[],
): record is ResourceEvaluation {
  if (!record || record.expiresAt !== undefined || record.digest !== stamp.digest) return false;
  if (orderOf(stamp, record) === 'older') return false;
  const { states, versions } = record;
  return group.every(
    (finding) =>
      finding.status !== 'FAIL' && states?.[finding.id] !== undefined && versions[finding.id] !== undefined,
  );
}

/**
 * Stores an evaluation that `canSkipFindings` accepted: the recorded evaluation again (`same`), no
 * write; a later one, the record's time moved by one UpdateItem conditional on its `seq`. The
 * findings as the record knows them (version and state), or undefined when the record moved since
 * it was read (another writer came first: the caller reads everything again and decides anew).
 */
export async function storeUnchanged(
  context: StoreContext,
  record: ResourceEvaluation,
  stamp: EvaluationStamp,
  group: readonly Finding[],
): Promise<{ transition: 'unchanged' | 'stale'; known: StoredFinding[] } | undefined> {
  const known = group.map(
    (finding): StoredFinding => ({
      ...finding,
      state: record.states?.[finding.id] ?? 'PASSING',
      version: record.versions[finding.id] ?? 0,
      firstSeenAt: finding.evaluatedAt,
      lastChangedAt: finding.evaluatedAt,
      lastEvaluatedAt: finding.evaluatedAt,
    }),
  );
  if (orderOf(stamp, record) === 'same') return { transition: 'stale', known };
  try {
    const update = evaluationUpdate(context, record.resourceId, stamp, { expectedSeq: record.seq });
    await context.doc.send(new UpdateCommand(update));
    return { transition: 'unchanged', known };
  } catch (error) {
    if (isWriteConflict(error)) return undefined;
    throw error;
  }
}
