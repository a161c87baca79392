import type { Finding } from '@customs/core';
import type { StoreContext } from './context.js';
import type { ResourceDeployments } from './deployment-index.js';
import { type EvaluationStamp, readRecordsAndFindings } from './evaluation-record.js';
import type { ResourceEvaluation, StoredFinding } from './model.js';
import { readFindings } from './read-findings.js';
import { canSkipFindings } from './unchanged-evaluation.js';

/**
 * The records of the evaluated resources and their stored findings, eventually consistent (every
 * write after is conditional on what was read: README.md, "Writes"). One resource (an event): both
 * in one strongly consistent BatchGetItem, as before (under 50 racing writers of one resource the
 * eventually consistent read and the record-only path retried several times as often). Several (a sweep): the records first, then only the findings of resources
 * whose record does not already say what the evaluation says (`canSkipFindings`).
 */
export async function readRecordsThenFindings(
  context: StoreContext,
  byResource: Map<string, Finding[]>,
  stamps: ReadonlyMap<string, EvaluationStamp>,
  options: { deployments?: ReadonlyMap<string, ResourceDeployments> },
): Promise<{ records: Map<string, ResourceEvaluation>; stored: Map<string, StoredFinding> }> {
  if (byResource.size <= 1) return readRecordsAndFindings(context, idsOf(byResource));
  const { records } = await readRecordsAndFindings(
    context,
    idsOf(byResource, () => false),
    false,
  );
  const needed = idsOf(
    byResource,
    (resourceId, group) =>
      options.deployments?.has(resourceId) === true ||
      !canSkipFindings(records.get(resourceId), stamps.get(resourceId) as EvaluationStamp, group),
  );
  const stored = await readFindings(
    context,
    needed.flatMap(([, ids]) => ids),
    false,
  );
  return { records, stored };
}

/** Each resource's id with its findings' ids (none for a resource whose findings are not `wanted`). */
export function idsOf<T extends { id: string }>(
  byResource: Map<string, readonly T[]>,
  wanted: (resourceId: string, group: readonly T[]) => boolean = () => true,
): [string, string[]][] {
  return [...byResource].map(([resourceId, group]) => [
    resourceId,
    wanted(resourceId, group) ? group.map((finding) => finding.id) : [],
  ]);
}
