import { type ResourceRef, regionOfType, resourceNameOfRef } from '@customs/core';
import type { FindingChange } from '@customs/store';
import type { PipelineDependencies } from './dependencies.js';
import { evaluateAndStore } from './evaluate-and-store.js';

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
 * finding changed, the day's posture is recorded again (so it is the day's last; an event that
 * changed nothing writes nothing more).
 * @example const { changes } = await assessRefs(eventToResourceRefs(event), dependencies);
 */
export async function assessRefs(
  refs: ResourceRef[],
  dependencies: PipelineDependencies,
): Promise<Assessment> {
  if (refs.length === 0) return { changes: [], warnings: [] };
  const { collector, repository } = dependencies;
  const { resources, missing, warnings } = await collector.collect(refs);
  const { changes, at } = await evaluateAndStore(resources, dependencies);
  for (const ref of missing) {
    const removed = await repository.resolveNamed({
      accountId: ref.accountId ?? collector.scope.accountId,
      region: regionOfType(ref.type, ref.region ?? collector.scope.region),
      resourceType: ref.type,
      resourceName: resourceNameOfRef(ref),
      reason: `${ref.type} ${resourceNameOfRef(ref)} ${ref.reason ?? 'no longer exists'}`,
      at,
    });
    changes.push(...removed);
  }
  if (changes.some(wroteFinding)) await repository.recordDailyPosture();
  return { changes, warnings };
}
