import { type ResourceRef, regionOfType, resourceNameOfRef } from '@customs/core';
import type { FindingChange, MovedDigest } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';
import { evaluateAndStore } from './evaluate-and-store.js';
import { deploymentRefsOf, imageRefsOf, refKey } from './follow-digests.js';
import { incrementalReads } from './image-reads.js';

/** What re-assessing some refs did. */
export interface Assessment {
  changes: FindingChange[];
  /** Collector warnings (e.g. a ref of another account). */
  warnings: string[];
}

/** Whether a change wrote its finding (`unchanged` and `stale` write none). */
function wroteFinding(change: FindingChange): boolean {
  return change.transition !== 'unchanged' && change.transition !== 'stale';
}

/**
 * Re-reads the named resources, evaluates them and stores what changed; the findings of refs the
 * collector reports missing (deleted resources, or no longer resources: a task definition revision
 * no longer in use, with the collector's reason) are resolved. An event is a trigger, never the
 * truth, so duplicate, late and out-of-order events converge on the same stored state. When a
 * finding changed, the day's posture is recorded again, overall and for each account read (so it is
 * the day's last; an event that changed nothing writes nothing more).
 *
 * Then both directions of the digest → deployments index (docs/DESIGN.md, "Deployed images"):
 * an ECR image ref re-assesses every deployment the index says runs its digest, and a deployment
 * whose running digests moved (started, stopped, count or place) re-assesses those ECR images,
 * whose `inUse` follows. One step each way: what that second round moves waits for its own event
 * or the daily sweep.
 * @example const { changes } = await assessRefs(eventToResourceRefs(event), dependencies);
 */
export async function assessRefs(
  refs: ResourceRef[],
  dependencies: PipelineDependencies,
): Promise<Assessment> {
  if (refs.length === 0) return { changes: [], warnings: [] };
  const moved: MovedDigest[] = [];
  const first = await assessOnce(refs, dependencies, moved);
  const done = new Set(refs.map(refKey));
  const follow = [
    ...(await deploymentRefsOf(refs, dependencies.repository)),
    ...imageRefsOf(moved, dependencies.collector.scope),
  ].filter((ref) => !done.has(refKey(ref)));
  if (follow.length === 0) return first;
  const second = await assessOnce(follow, dependencies, []);
  return {
    changes: [...first.changes, ...second.changes],
    warnings: [...first.warnings, ...second.warnings],
  };
}

async function assessOnce(
  refs: ResourceRef[],
  dependencies: PipelineDependencies,
  moved: MovedDigest[],
): Promise<Assessment> {
  const { collector, repository } = dependencies;
  const { resources, missing, warnings } = await collector.collect(refs, incrementalReads(dependencies));
  const { changes, at } = await evaluateAndStore(resources, dependencies, moved);
  for (const ref of missing) {
    const removed = await repository.resolveNamed(
      {
        accountId: ref.accountId ?? collector.scope.accountId,
        region: regionOfType(ref.type, ref.region ?? collector.scope.region),
        resourceType: ref.type,
        resourceName: resourceNameOfRef(ref),
        reason: `${ref.type} ${resourceNameOfRef(ref)} ${ref.reason ?? 'no longer exists'}`,
        at,
      },
      { moved },
    );
    changes.push(...removed);
  }
  if (changes.some(wroteFinding)) {
    const accounts = [
      ...resources.map((resource) => resource.accountId),
      ...missing.map((ref) => ref.accountId ?? collector.scope.accountId),
    ];
    await repository.recordDailyPosture({ accounts });
  }
  return { changes, warnings };
}
